package sources

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// reflected is decodeRecord as encoding/json alone reads a line.
func reflected(line []byte) (rec jsonlRecord, more bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		return rec, false, err
	}
	return rec, dec.More(), nil
}

// sameAsReflected fails unless decodeRecord reads line as encoding/json
// does: the same record, the same More, the same error.
func sameAsReflected(t *testing.T, line []byte) (plain bool) {
	t.Helper()
	got, gotMore, gotErr := decodeRecord(line)
	want, wantMore, wantErr := reflected(line)
	if got != want || gotMore != wantMore || (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("line %q:\ndecodeRecord  %+v more %v err %v\nencoding/json %+v more %v err %v", line, got, gotMore, gotErr, want, wantMore, wantErr)
	}
	_, plain = plainRecord(line)
	return plain
}

func TestDecodeRecordAsEncodingJSON(t *testing.T) {
	tests := []struct {
		line   string
		plain  bool // read without encoding/json
		reason string
	}{
		{`{"id":"a","url":"https://x.example/a","title":"T","outlet":"O","published":"2026-01-05","text":"Meta paid $5m.","event":"e"}`, true, "every field a dump writes"},
		{` { "id" : "a" ,	"text" : "x" } `, true, "white space between the tokens"},
		{`{}`, true, "an empty object"},
		{`{"text":"line one\nline two \"quoted\" back\\slash \/ \b\f\r\t tab"}`, true, "the short escapes"},
		{`{"text":"caf\u00e9 \u20ac \u0041 \u0000 é 日本"}`, true, "\\u escapes and raw UTF-8"},
		{`{"text":"x","text":"y"}`, true, "a repeated field: the last one wins"},
		{`{"text":"<p>&amp;</p>\u003c"}`, true, "HTML in a string"},
		{`{"text":"\ud83c\udf89 party"}`, false, "a surrogate pair: encoding/json joins it"},
		{`{"text":"\ud83c alone"}`, false, "a lone surrogate: encoding/json writes U+FFFD"},
		{"{\"text\":\"bad \xff byte\"}", false, "invalid UTF-8: encoding/json writes U+FFFD"},
		{"{\"text\":\"bad \xff then \\n an escape\"}", false, "invalid UTF-8 before an escape"},
		{"{\"text\":\"an escape\\n then bad \xff\"}", false, "invalid UTF-8 after an escape"},
		{"{\"text\":\"caf\xc3\xa9\\n ok\"}", true, "valid UTF-8 and an escape"},
		{`{"Text":"x"}`, false, "a field named in another case: encoding/json matches it"},
		{`{"texte":"x"}`, false, "an unknown field: encoding/json's error"},
		{`{"text":null}`, false, "null"},
		{`{"text":5}`, false, "a number where a string goes: encoding/json's error"},
		{`{"text":"x"} {"text":"y"}`, false, "two values on a line"},
		{`{"text":"x"}}`, false, "a stray brace after the object"},
		{`{"text":"x",}`, false, "a trailing comma: a syntax error"},
		{`{"text":"unterminated`, false, "an unterminated string"},
		{"{\"text\":\"raw\ttab\"}", false, "a raw control character in a string: invalid JSON"},
		{`{"text":"bad \q escape"}`, false, "an unknown escape"},
		{`{"text":"short \u12"}`, false, "a short \\u escape"},
		{`["text"]`, false, "not an object"},
		{`{"te\u0078t":"x"}`, false, "an escape in a key"},
		{``, false, "nothing"},
	}
	for _, tt := range tests {
		if plain := sameAsReflected(t, []byte(tt.line)); plain != tt.plain {
			t.Errorf("%s: read plainly %v, want %v", tt.reason, plain, tt.plain)
		}
	}
	plain := 0
	err := newsgen.New(2).Corpus(newsgen.CorpusOptions{Events: 40, ArticleBytes: 4000}, func(a newsgen.CorpusArticle) error {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(a); err != nil {
			return err
		}
		if sameAsReflected(t, bytes.TrimRight(b.Bytes(), "\n")) {
			plain++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if plain < 200 {
		t.Errorf("%d generated corpus lines read plainly: a dump's lines should be", plain)
	}
}

// FuzzDecodeRecord holds decodeRecord to encoding/json on any line.
func FuzzDecodeRecord(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"Meta paid $5m."}`, `{"text":"a\nb\u00e9\ud83c\udf89"}`, `{"Text":"x"}`, `{"text":"x"} x`, `{}`, strings.Repeat(`{"text":"\\"}`, 2)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		sameAsReflected(t, line)
	})
}
