package checker

func DebugEntities(logf func(string, ...any), x Extractor, arts []*Article) {
	x.Extract(arts)
	e := lastEnts
	logf("person scale=%v meta=%v tags scale=%v", e.person["scale"], e.person["meta"], e.tags["scale"])
	logf("alias=%v surname=%v", e.alias, e.surname)
	for k := range e.person {
		logf("person: %s", k)
	}
}
var lastEnts *entities
