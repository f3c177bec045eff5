package expr

// The lexer: a formula as tokens, each with its column.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a token of the formula.
type token struct {
	kind byte    // tokEnd, tokNum, tokName or one of + - * / ^ ( ) ,
	text string  // the source text
	col  int     // the 1-based column, in runes, of its first rune
	val  float64 // the value of a number
}

// operand reports whether the token starts an operand.
func (t token) operand() bool { return t.kind == tokNum || t.kind == tokName || t.kind == '(' }

// charHints tells what to write instead of characters a formula copied
// from typeset mathematics may contain.
var charHints = map[rune]string{
	'−': "-", '–': "-", '·': "*", '×': "*", '÷': "/", '²': "^2", '³': "^3", 'π': "pi", '√': "sqrt(…)",
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// lex splits src into tokens, ending with a tokEnd one past the last rune.
func lex(src string) ([]token, error) {
	var toks []token
	col := 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		col++
		c := src[i]
		switch {
		case unicode.IsSpace(r):
			i += size
		case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
			j := scanNumber(src, i)
			t := token{kind: tokNum, text: src[i:j], col: col}
			var err error
			if t.val, err = strconv.ParseFloat(t.text, 64); err != nil {
				return nil, errorAt(col, errTooLarge, t.text, col)
			}
			toks = append(toks, t)
			col += j - i - 1
			i = j
			if i < len(src) && src[i] == '.' {
				return nil, errorAt(col+1, errCharacter, "'.'", col+1, noHint)
			}
		case isLetter(c):
			j := i + 1
			for j < len(src) && (isLetter(src[j]) || isDigit(src[j])) {
				j++
			}
			toks = append(toks, token{kind: tokName, text: src[i:j], col: col})
			col += j - i - 1
			i = j
		case strings.IndexByte("+-*/^(),", c) >= 0:
			if c == '*' && i+1 < len(src) && src[i+1] == '*' {
				return nil, errorAt(col, errUnexpected, "**", col, hintPower.New())
			}
			toks = append(toks, token{kind: c, text: src[i : i+1], col: col})
			i++
		default:
			var hint any = noHint
			if h, ok := charHints[r]; ok {
				hint = hintWrite.New(h)
			}
			return nil, errorAt(col, errCharacter, strconv.QuoteRune(r), col, hint)
		}
	}
	return append(toks, token{kind: tokEnd, col: col + 1}), nil
}

// scanNumber returns the end of the number that starts at src[i]: digits,
// an optional point and digits, and an optional exponent, which is taken
// only if digits follow its e and sign.
func scanNumber(src string, i int) int {
	j := i
	for j < len(src) && isDigit(src[j]) {
		j++
	}
	if j < len(src) && src[j] == '.' {
		j++
		for j < len(src) && isDigit(src[j]) {
			j++
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && isDigit(src[k]) {
			for k < len(src) && isDigit(src[k]) {
				k++
			}
			j = k
		}
	}
	return j
}
