package text

// functionWords are the closed-class words of English — articles,
// prepositions, conjunctions, pronouns, auxiliaries, quantifiers — that
// never name what a figure measures and never head a noun phrase.
var functionWords = map[string]bool{
	"a": true, "about": true, "above": true, "according": true, "across": true, "after": true,
	"again": true, "against": true, "ago": true, "all": true, "almost": true, "along": true,
	"already": true, "also": true, "although": true, "amid": true, "among": true, "an": true,
	"and": true, "another": true, "any": true, "apart": true, "apiece": true, "are": true,
	"around": true, "as": true, "at": true, "be": true, "because": true, "been": true,
	"before": true, "behind": true, "being": true, "below": true, "besides": true,
	"between": true, "beyond": true, "both": true, "but": true, "by": true, "can": true,
	"concerning": true, "consecutive": true, "could": true, "despite": true, "did": true,
	"do": true, "does": true, "down": true, "during": true, "each": true, "earlier": true,
	"either": true, "ever": true, "every": true, "excluding": true, "following": true,
	"for": true, "from": true, "had": true, "has": true, "have": true, "he": true, "her": true,
	"here": true, "his": true, "how": true, "i": true, "if": true, "in": true, "including": true,
	"inside": true, "instead": true, "into": true, "is": true, "it": true, "its": true,
	"just": true, "last": true, "later": true, "least": true, "less": true, "like": true,
	"long": true, "may": true, "might": true, "more": true, "most": true, "near": true,
	"nearly": true, "never": true, "next": true, "no": true, "nor": true, "not": true,
	"now": true, "of": true, "off": true, "old": true, "on": true, "once": true, "only": true,
	"or": true, "other": true, "our": true, "out": true, "outside": true, "over": true,
	"overall": true, "pct": true, "pending": true, "per": true, "percent": true, "plus": true,
	"regarding": true, "respectively": true, "roughly": true, "s": true, "said": true,
	"says": true, "she": true, "should": true, "since": true, "so": true, "some": true,
	"still": true, "straight": true, "such": true, "t": true, "than": true, "that": true,
	"the": true, "their": true, "then": true, "there": true, "these": true, "they": true,
	"this": true, "those": true, "though": true, "through": true, "throughout": true,
	"times": true, "to": true, "too": true, "total": true, "toward": true, "towards": true,
	"twice": true, "under": true, "unlike": true, "until": true, "up": true, "upon": true,
	"very": true, "via": true, "was": true, "we": true, "were": true, "what": true, "when": true,
	"where": true, "whether": true, "which": true, "while": true, "who": true, "whom": true,
	"whose": true, "will": true, "with": true, "within": true, "without": true, "would": true,
	"yet": true, "you": true, "your": true,
}

// FunctionWord reports whether w, in lower case, is a function word.
func FunctionWord(w string) bool { return functionWords[w] }
