package sources

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// decodeRecord reads one JSONL line into a record as a json.Decoder that
// disallows unknown fields does, and says whether it found more after the
// object (the Decoder's More).
//
// A dump is hundreds of thousands of such lines, and reflection costs as
// much as reading the article: plainRecord reads the lines every dump
// writes (an object of string fields, each named as the record names
// it), and every other line, invalid or unusual, goes to encoding/json,
// which gives its answer and its error.
func decodeRecord(line []byte) (rec jsonlRecord, more bool, err error) {
	if rec, ok := plainRecord(line); ok {
		return rec, false, nil
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		return rec, false, err
	}
	return rec, dec.More(), nil
}

// plainRecord reads a line that is one JSON object whose members are all
// fields of jsonlRecord, named in lower case, with string values; ok is
// false for any other line. Strings that hold invalid UTF-8 or a
// surrogate escape are left to encoding/json too.
func plainRecord(line []byte) (rec jsonlRecord, ok bool) {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return rec, false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return rec, skipSpace(line, i+1) == len(line)
	}
	for {
		key, next, ok := plainString(line, i, false)
		if !ok {
			return rec, false
		}
		var field *string
		switch key {
		case "id":
			field = &rec.ID
		case "url":
			field = &rec.URL
		case "title":
			field = &rec.Title
		case "outlet":
			field = &rec.Outlet
		case "published":
			field = &rec.Published
		case "text":
			field = &rec.Text
		case "html":
			field = &rec.HTML
		case "event":
			field = &rec.Event
		default:
			return rec, false
		}
		i = skipSpace(line, next)
		if i >= len(line) || line[i] != ':' {
			return rec, false
		}
		if *field, next, ok = plainString(line, skipSpace(line, i+1), true); !ok {
			return rec, false
		}
		i = skipSpace(line, next)
		switch {
		case i < len(line) && line[i] == ',':
			i = skipSpace(line, i+1)
		case i < len(line) && line[i] == '}':
			return rec, skipSpace(line, i+1) == len(line)
		default:
			return rec, false
		}
	}
}

// skipSpace returns the offset of the first byte at or after i that is
// not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// plainString reads the JSON string at b[i:] and returns it and the
// offset after it; ok is false where it is not one, or holds what
// plainRecord leaves to encoding/json (any escape in a key, with
// escapes false).
func plainString(b []byte, i int, escapes bool) (s string, next int, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	i++
	start, ascii := i, true
	for ; i < len(b); i++ {
		c := b[i]
		if c == '"' {
			raw := b[start:i]
			if !ascii && !utf8.Valid(raw) {
				return "", 0, false
			}
			return string(raw), i + 1, true
		}
		if c == '\\' {
			if !escapes {
				return "", 0, false
			}
			return unescaped(b, start, i, ascii)
		}
		if c < 0x20 {
			return "", 0, false
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	return "", 0, false
}

// unescaped reads a JSON string from start, whose first escape is at i;
// ascii says whether the bytes before it are.
func unescaped(b []byte, start, i int, ascii bool) (s string, next int, ok bool) {
	var out strings.Builder
	out.Grow(len(b) - start) // unescaped, a string is no longer
	out.Write(b[start:i])
	for i < len(b) {
		// The run of plain bytes up to the next quote, escape or control.
		run := i
		for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
			ascii = ascii && b[i] < utf8.RuneSelf
			i++
		}
		out.Write(b[run:i])
		if i >= len(b) || b[i] < 0x20 {
			return "", 0, false
		}
		if b[i] == '"' {
			if !ascii && !utf8.ValidString(out.String()) {
				return "", 0, false
			}
			return out.String(), i + 1, true
		}
		if i+1 >= len(b) {
			return "", 0, false
		}
		switch e := b[i+1]; e {
		case '"', '\\', '/':
			out.WriteByte(e)
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r, ok := hex4(b, i+2)
			if !ok || 0xD800 <= r && r <= 0xDFFF {
				return "", 0, false // a surrogate: encoding/json pairs them
			}
			out.WriteRune(r)
			i += 6
			continue
		default:
			return "", 0, false
		}
		i += 2
	}
	return "", 0, false
}

// hex4 reads the four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
