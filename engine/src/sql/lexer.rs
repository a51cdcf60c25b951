//! The ClickHouse SQL lexer: bytes → tokens (spans into the input).
//!
//! Mirrors ClickHouse's `src/Parsers/Lexer.cpp`: bare words, quoted identifiers
//! (`` `x` `` and `"x"`), numbers (decimal, `0x`, `0b`, exponents, `.5`), string
//! literals with backslash escapes and `''` doubling, heredocs (`$$…$$`),
//! operators, and comments (`--`, `/* */`, and `#` when followed by a space or `!`).
//! Tokens are produced lazily so that `INSERT … FORMAT X <data>` never lexes the data.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    BareWord,
    QuotedIdentifier,
    Number,
    StringLiteral,
    HereDoc,
    OpeningRoundBracket,
    ClosingRoundBracket,
    OpeningSquareBracket,
    ClosingSquareBracket,
    OpeningCurlyBrace,
    ClosingCurlyBrace,
    Comma,
    Semicolon,
    Dot,
    Asterisk,
    Plus,
    Minus,
    Slash,
    Percent,
    Arrow,
    QuestionMark,
    Colon,
    DoubleColon,
    Equals,
    NotEquals,
    Less,
    Greater,
    LessOrEquals,
    GreaterOrEquals,
    Spaceship,
    Concatenation,
    At,
    Caret,
    EndOfStream,
    /// A malformed token (unterminated string, stray character, bad number).
    Error,
}

/// A token: its kind and byte span `[start, end)` in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// A lexer over the query bytes.
pub struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
    prev: TokenKind,
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

impl<'a> Lexer<'a> {
    pub fn new(sql: &'a str) -> Self {
        Lexer { bytes: sql.as_bytes(), pos: 0, prev: TokenKind::Comma }
    }

    /// The byte offset where the next token would start lexing.
    pub fn position(&self) -> usize {
        self.pos
    }

    fn at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    fn skip_trivia(&mut self) {
        loop {
            let b = self.at(self.pos);
            if self.pos >= self.bytes.len() {
                return;
            }
            if b.is_ascii_whitespace() || b == 0x0b || b == 0x0c {
                self.pos += 1;
            } else if b == b'-' && self.at(self.pos + 1) == b'-'
                || b == b'#' && matches!(self.at(self.pos + 1), b' ' | b'!')
            {
                while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
                    self.pos += 1;
                }
            } else if b == b'/' && self.at(self.pos + 1) == b'*' {
                // Comments nest, as in ClickHouse.
                let mut i = self.pos + 2;
                let mut depth = 1usize;
                while i < self.bytes.len() && depth > 0 {
                    if self.bytes[i] == b'*' && self.at(i + 1) == b'/' {
                        depth -= 1;
                        i += 2;
                    } else if self.bytes[i] == b'/' && self.at(i + 1) == b'*' {
                        depth += 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                if depth > 0 {
                    // Unterminated comment: leave it to produce an error token.
                    return;
                }
                self.pos = i;
            } else {
                return;
            }
        }
    }

    /// The next token (EndOfStream at the end, repeatedly).
    pub fn next_token(&mut self) -> Token {
        self.skip_trivia();
        let start = self.pos;
        let kind = self.lex_one();
        let tok = Token { kind, start, end: self.pos };
        self.prev = kind;
        tok
    }

    fn quoted(&mut self, quote: u8) -> bool {
        let mut i = self.pos + 1;
        while i < self.bytes.len() {
            let b = self.bytes[i];
            if b == b'\\' {
                i += 2;
            } else if b == quote {
                if self.at(i + 1) == quote {
                    i += 2;
                } else {
                    self.pos = i + 1;
                    return true;
                }
            } else {
                i += 1;
            }
        }
        self.pos = self.bytes.len();
        false
    }

    fn number(&mut self) -> TokenKind {
        let b = self.bytes;
        let mut i = self.pos;
        if self.at(i) == b'0' && matches!(self.at(i + 1), b'x' | b'X') && self.at(i + 2).is_ascii_hexdigit() {
            i += 2;
            while i < b.len() && b[i].is_ascii_hexdigit() {
                i += 1;
            }
        } else if self.at(i) == b'0' && matches!(self.at(i + 1), b'b' | b'B') && matches!(self.at(i + 2), b'0' | b'1') {
            i += 2;
            while i < b.len() && matches!(b[i], b'0' | b'1') {
                i += 1;
            }
        } else {
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_' && self.at(i + 1).is_ascii_digit()) {
                i += 1;
            }
            if self.at(i) == b'.' {
                i += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if matches!(self.at(i), b'e' | b'E') {
                let mut j = i + 1;
                if matches!(self.at(j), b'+' | b'-') {
                    j += 1;
                }
                if self.at(j).is_ascii_digit() {
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    i = j;
                }
            }
        }
        self.pos = i;
        if is_word_char(self.at(i)) && i < b.len() {
            // `1a`: ClickHouse rejects a number glued to a word.
            while self.pos < b.len() && is_word_char(b[self.pos]) {
                self.pos += 1;
            }
            return TokenKind::Error;
        }
        TokenKind::Number
    }

    fn lex_one(&mut self) -> TokenKind {
        use TokenKind::*;
        let bytes = self.bytes;
        if self.pos >= bytes.len() {
            return EndOfStream;
        }
        let b = bytes[self.pos];
        let n = self.at(self.pos + 1);
        let one = |s: &mut Self, k: TokenKind| {
            s.pos += 1;
            k
        };
        let two = |s: &mut Self, k: TokenKind| {
            s.pos += 2;
            k
        };
        match b {
            b'0'..=b'9' => self.number(),
            b'.' if n.is_ascii_digit()
                && !matches!(
                    self.prev,
                    BareWord | QuotedIdentifier | ClosingRoundBracket | ClosingSquareBracket | Number | Dot
                ) =>
            {
                self.number()
            }
            b'\'' => {
                if self.quoted(b'\'') {
                    StringLiteral
                } else {
                    Error
                }
            }
            b'`' | b'"' => {
                if self.quoted(b) {
                    QuotedIdentifier
                } else {
                    Error
                }
            }
            b'(' => one(self, OpeningRoundBracket),
            b')' => one(self, ClosingRoundBracket),
            b'[' => one(self, OpeningSquareBracket),
            b']' => one(self, ClosingSquareBracket),
            b'{' => one(self, OpeningCurlyBrace),
            b'}' => one(self, ClosingCurlyBrace),
            b',' => one(self, Comma),
            b';' => one(self, Semicolon),
            b'.' => one(self, Dot),
            b'*' => one(self, Asterisk),
            b'+' => one(self, Plus),
            b'-' if n == b'>' => two(self, Arrow),
            b'-' => one(self, Minus),
            b'/' if n == b'*' => {
                self.pos = bytes.len();
                Error
            }
            b'/' => one(self, Slash),
            b'%' => one(self, Percent),
            b'?' => one(self, QuestionMark),
            b':' if n == b':' => two(self, DoubleColon),
            b':' => one(self, Colon),
            b'=' if n == b'=' => two(self, Equals),
            b'=' => one(self, Equals),
            b'!' if n == b'=' => two(self, NotEquals),
            b'<' if n == b'=' && self.at(self.pos + 2) == b'>' => {
                self.pos += 3;
                Spaceship
            }
            b'<' if n == b'=' => two(self, LessOrEquals),
            b'<' if n == b'>' => two(self, NotEquals),
            b'<' => one(self, Less),
            b'>' if n == b'=' => two(self, GreaterOrEquals),
            b'>' => one(self, Greater),
            b'|' if n == b'|' => two(self, Concatenation),
            b'@' => one(self, At),
            b'^' => one(self, Caret),
            b'$' => self.heredoc(),
            _ if is_word_start(b) => {
                let mut i = self.pos + 1;
                while i < bytes.len() && (is_word_char(bytes[i]) || bytes[i] == b'$') {
                    i += 1;
                }
                self.pos = i;
                BareWord
            }
            _ => {
                // One (possibly multi-byte) character.
                let mut i = self.pos + 1;
                while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
                    i += 1;
                }
                self.pos = i;
                Error
            }
        }
    }

    fn heredoc(&mut self) -> TokenKind {
        // `$tag$ … $tag$`
        let bytes = self.bytes;
        let mut i = self.pos + 1;
        while i < bytes.len() && is_word_char(bytes[i]) && bytes[i] < 0x80 {
            i += 1;
        }
        if self.at(i) != b'$' {
            self.pos += 1;
            return TokenKind::Error;
        }
        let tag = &bytes[self.pos..=i];
        let body = i + 1;
        let mut j = body;
        while j + tag.len() <= bytes.len() {
            if &bytes[j..j + tag.len()] == tag {
                self.pos = j + tag.len();
                return TokenKind::HereDoc;
            }
            j += 1;
        }
        self.pos = bytes.len();
        TokenKind::Error
    }
}

/// Decodes a quoted string or identifier body (without the quotes) with ClickHouse escapes.
pub fn unescape(body: &[u8], quote: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b == b'\\' && i + 1 < body.len() {
            let c = body[i + 1];
            i += 2;
            match c {
                b'n' => out.push(b'\n'),
                b't' => out.push(b'\t'),
                b'r' => out.push(b'\r'),
                b'0' => out.push(0),
                b'a' => out.push(7),
                b'b' => out.push(8),
                b'f' => out.push(12),
                b'v' => out.push(11),
                b'e' => out.push(27),
                b'N' => {}
                b'x' | b'X' => {
                    let hex = |x: u8| (x as char).to_digit(16);
                    match (body.get(i).and_then(|&x| hex(x)), body.get(i + 1).and_then(|&x| hex(x))) {
                        (Some(h), Some(l)) => {
                            out.push((h * 16 + l) as u8);
                            i += 2;
                        }
                        _ => out.push(c),
                    }
                }
                _ => out.push(c),
            }
        } else if b == quote && body.get(i + 1) == Some(&quote) {
            out.push(quote);
            i += 2;
        } else {
            out.push(b);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<TokenKind> {
        let mut l = Lexer::new(s);
        let mut v = Vec::new();
        loop {
            let t = l.next_token();
            if t.kind == TokenKind::EndOfStream {
                return v;
            }
            v.push(t.kind);
        }
    }

    #[test]
    fn tokens() {
        use TokenKind::*;
        assert_eq!(
            kinds("SELECT 1 -- c\n, .5, t.1"),
            vec![BareWord, Number, Comma, Number, Comma, BareWord, Dot, Number]
        );
        assert_eq!(
            kinds("a->b::c <> != <= >= == ||"),
            vec![
                BareWord,
                Arrow,
                BareWord,
                DoubleColon,
                BareWord,
                NotEquals,
                NotEquals,
                LessOrEquals,
                GreaterOrEquals,
                Equals,
                Concatenation
            ]
        );
        assert_eq!(
            kinds("'a''b\\'c' `x` \"y\" # comment\n1e10 0x1F 0b101"),
            vec![StringLiteral, QuotedIdentifier, QuotedIdentifier, Number, Number, Number]
        );
        assert_eq!(kinds("#x"), vec![Error, BareWord]);
        assert_eq!(kinds("'abc"), vec![Error]);
        assert_eq!(kinds("1a"), vec![Error]);
        assert_eq!(kinds("$$a'b$$ /* x */ é"), vec![HereDoc, BareWord]);
    }

    #[test]
    fn unescapes() {
        assert_eq!(unescape(b"a\\nb''c\\x41\\\\", b'\''), b"a\nb'cA\\".to_vec());
    }
}
