package render

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/checker"
)

// appendItem appends an extracted item as one JSON line, byte for byte
// what encoding/json writes of it (HTML left unescaped), with its
// evidence at the given level; ok is false, and nothing is appended, for
// an item it leaves to encoding/json: a claim's provenance, or a value
// that is not a finite number (which encoding/json refuses).
//
// Reflection costs a JSON line as much as reading its quantity does;
// bulk extraction writes hundreds of thousands of them.
func appendItem(b []byte, e *checker.Extracted, evidence string) (_ []byte, ok bool) {
	v := e.Value
	if e.How != nil || !finite(v.Amount) || v.Low != nil && !finite(*v.Low) || v.High != nil && !finite(*v.High) {
		return b, false
	}
	b = append(b, `{"source":`...)
	b = appendString(b, e.Source)
	b = appendOptional(b, `,"subject":`, e.Subject)
	b = appendOptional(b, `,"attribute":`, e.Attribute)
	b = appendOptional(b, `,"time":`, e.Time)
	if len(e.Hedges) > 0 {
		b = append(b, `,"hedges":[`...)
		for i, h := range e.Hedges {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, h)
		}
		b = append(b, ']')
	}
	b = append(b, `,"text":`...)
	b = appendString(b, e.Text)
	b = append(b, `,"value":{"kind":`...)
	b = appendString(b, v.Kind)
	b = appendOptional(b, `,"unit":`, v.Unit)
	b = append(b, `,"amount":`...)
	b = appendFloat(b, v.Amount)
	if v.Low != nil {
		b = append(b, `,"low":`...)
		b = appendFloat(b, *v.Low)
	}
	if v.High != nil {
		b = append(b, `,"high":`...)
		b = appendFloat(b, *v.High)
	}
	b = append(b, `,"bound":`...)
	b = appendString(b, v.Bound)
	b = appendOptional(b, `,"date":`, v.Date)
	b = append(b, '}')
	if evidence != "none" {
		ev := e.Evidence
		b = append(b, `,"evidence":{"source":`...)
		b = appendString(b, ev.Source)
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(ev.Line), 10)
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(ev.Column), 10)
		if ev.EndLine != 0 {
			b = append(b, `,"end_line":`...)
			b = strconv.AppendInt(b, int64(ev.EndLine), 10)
		}
		if ev.EndColumn != 0 {
			b = append(b, `,"end_column":`...)
			b = strconv.AppendInt(b, int64(ev.EndColumn), 10)
		}
		if evidence == "sentence" {
			b = append(b, `,"sentence":`...)
			b = appendString(b, ev.Sentence)
		}
		b = append(b, '}')
	}
	b = append(b, `,"span":[`...)
	b = strconv.AppendInt(b, int64(e.Span[0]), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(e.Span[1]), 10)
	return append(b, "]}\n"...), true
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// appendOptional appends a key and its string value, unless the value is
// empty (omitempty).
func appendOptional(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendString(append(b, key...), s)
}

// appendFloat appends a finite float as encoding/json writes it: the
// shortest decimal that reads back the same, in exponent form below 1e-6
// and from 1e21 on, the exponent without a leading zero.
func appendFloat(b []byte, f float64) []byte {
	// A whole number that a float64 holds exactly is its digits, as
	// strconv writes them (but for -0).
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 && (f != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(b, int64(f), 10)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string as encoding/json writes it
// with HTML escaping off: quotes, backslashes and control characters
// escaped, U+2028 and U+2029 escaped for JavaScript, invalid UTF-8 as
// U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
