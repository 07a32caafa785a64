//! `sasl.jaas.config`: the Java client's one-line JAAS login configuration.
//!
//! ```text
//! <LoginModuleClass> <flag> key="value" key2=value2;
//! ```
//!
//! The flag is `required`, `requisite`, `sufficient` or `optional`; values are `"quoted"` (or
//! `'quoted'`, with backslash escapes) or bare tokens; `//` and `/* */` comments are skipped;
//! the entry ends with `;`. Kafka takes exactly one login module. Errors name the position and
//! the option, never a value: values hold passwords.
//!
//! ```
//! use kfk_client::sasl::jaas::{JaasConfig, LoginModule};
//!
//! let jaas = JaasConfig::parse(
//!     r#"org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="a\"b";"#,
//! )
//! .unwrap();
//! assert_eq!(jaas.login_module(), LoginModule::Scram);
//! assert_eq!(jaas.option("username"), Some("alice"));
//! assert_eq!(jaas.secret("password").unwrap().expose(), "a\"b");
//! assert!(!format!("{jaas:?}").contains("a\\\"b"));
//! ```

use std::collections::BTreeMap;
use std::fmt;

use crate::secret::Secret;

/// The login modules this client knows, by the simple name of the Java class.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoginModule {
    /// `org.apache.kafka.common.security.plain.PlainLoginModule`: `username`, `password`.
    Plain,
    /// `org.apache.kafka.common.security.scram.ScramLoginModule`: `username`, `password`,
    /// `tokenauth`.
    Scram,
    /// `org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule`: `unsecuredLogin*`
    /// options, or `clientId`/`clientSecret`/`scope` for OIDC.
    OAuthBearer,
    /// Any other class (`com.sun.security.auth.module.Krb5LoginModule`, ...), by its full name.
    Other(String),
}

impl LoginModule {
    fn from_class(class: &str) -> LoginModule {
        match class.rsplit('.').next().unwrap_or(class) {
            "PlainLoginModule" => LoginModule::Plain,
            "ScramLoginModule" => LoginModule::Scram,
            "OAuthBearerLoginModule" => LoginModule::OAuthBearer,
            _ => LoginModule::Other(class.to_string()),
        }
    }

    /// The simple name of the class (`PlainLoginModule`, ...).
    pub fn simple_name(&self) -> &str {
        match self {
            LoginModule::Plain => "PlainLoginModule",
            LoginModule::Scram => "ScramLoginModule",
            LoginModule::OAuthBearer => "OAuthBearerLoginModule",
            LoginModule::Other(class) => class.rsplit('.').next().unwrap_or(class),
        }
    }
}

/// The JAAS control flag. Kafka ignores it; it is parsed because the syntax requires it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlFlag {
    /// `required`.
    Required,
    /// `requisite`.
    Requisite,
    /// `sufficient`.
    Sufficient,
    /// `optional`.
    Optional,
}

/// A parsed `sasl.jaas.config`. `Debug` shows the module and the option names, not the values.
#[derive(Clone, PartialEq, Eq)]
pub struct JaasConfig {
    class: String,
    flag: ControlFlag,
    options: BTreeMap<String, String>,
}

impl fmt::Debug for JaasConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JaasConfig")
            .field("class", &self.class)
            .field("flag", &self.flag)
            .field("options", &self.options.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Why a `sasl.jaas.config` does not parse. Names positions (0-based character offsets) and
/// option names only, never values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JaasError {
    /// Nothing but blanks and comments.
    #[error("no login module")]
    Empty,
    /// Something other than a class name where the login module belongs.
    #[error("expected a login module class name at character {at}")]
    ExpectedLoginModule {
        /// Where.
        at: usize,
    },
    /// No `required`/`requisite`/`sufficient`/`optional` after the class.
    #[error("expected a control flag (required, requisite, sufficient or optional) at character {at}")]
    ExpectedControlFlag {
        /// Where.
        at: usize,
    },
    /// An option name that is not a name.
    #[error("expected an option name or `;` at character {at}")]
    ExpectedOptionName {
        /// Where.
        at: usize,
    },
    /// No `=` after an option name.
    #[error("expected `=` after option `{option}` at character {at}")]
    ExpectedEquals {
        /// The option.
        option: String,
        /// Where.
        at: usize,
    },
    /// No value after `=`.
    #[error("expected a value for option `{option}` at character {at}")]
    ExpectedValue {
        /// The option.
        option: String,
        /// Where.
        at: usize,
    },
    /// A quoted value without its closing quote.
    #[error("the value of option `{option}` has no closing quote")]
    UnterminatedQuote {
        /// The option.
        option: String,
    },
    /// A `/*` comment without `*/`.
    #[error("a comment opened at character {at} is not closed")]
    UnterminatedComment {
        /// Where.
        at: usize,
    },
    /// The same option twice.
    #[error("option `{option}` is given twice")]
    DuplicateOption {
        /// The option.
        option: String,
    },
    /// No `;` after the last option.
    #[error("the login module entry does not end with `;`")]
    MissingSemicolon,
    /// More than one login module: Kafka takes one.
    #[error("{count} login modules; Kafka takes exactly one")]
    MultipleModules {
        /// How many.
        count: usize,
    },
}

impl JaasConfig {
    /// Parses `text`.
    pub fn parse(text: &str) -> Result<JaasConfig, JaasError> {
        let mut lexer = Lexer { chars: text.chars().collect(), pos: 0 };
        let mut entries = Vec::new();
        loop {
            lexer.skip_blanks()?;
            if lexer.at_end() {
                break;
            }
            entries.push(parse_entry(&mut lexer)?);
        }
        match entries.len() {
            0 => Err(JaasError::Empty),
            1 => Ok(entries.remove(0)),
            count => Err(JaasError::MultipleModules { count }),
        }
    }

    /// The login module.
    pub fn login_module(&self) -> LoginModule {
        LoginModule::from_class(&self.class)
    }

    /// The login module's full class name as written.
    pub fn class(&self) -> &str {
        &self.class
    }

    /// The control flag.
    pub fn flag(&self) -> ControlFlag {
        self.flag
    }

    /// The value of a non-secret option.
    pub fn option(&self, key: &str) -> Option<&str> {
        self.options.get(key).map(String::as_str)
    }

    /// The value of a secret option (`password`, `clientSecret`), as a [`Secret`].
    pub fn secret(&self, key: &str) -> Option<Secret> {
        self.options.get(key).map(|v| Secret::new(v.clone()))
    }

    /// The option names, sorted.
    pub fn option_names(&self) -> impl Iterator<Item = &str> {
        self.options.keys().map(String::as_str)
    }

    /// The options whose names start with `prefix`, with the prefix removed (e.g.
    /// `unsecuredLoginStringClaim_`).
    pub fn options_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.options.iter().filter_map(move |(k, v)| k.strip_prefix(prefix).map(|name| (name, v.as_str())))
    }
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
}

impl Lexer {
    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek2(&self) -> Option<char> {
        self.chars.get(self.pos + 1).copied()
    }

    /// Skips whitespace and `//` / `/* */` comments.
    fn skip_blanks(&mut self) -> Result<(), JaasError> {
        loop {
            match (self.peek(), self.peek2()) {
                (Some(c), _) if c.is_whitespace() => self.pos += 1,
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n' && c != '\r') {
                        self.pos += 1;
                    }
                }
                (Some('/'), Some('*')) => {
                    let start = self.pos;
                    self.pos += 2;
                    loop {
                        match (self.peek(), self.peek2()) {
                            (Some('*'), Some('/')) => {
                                self.pos += 2;
                                break;
                            }
                            (Some(_), _) => self.pos += 1,
                            (None, _) => return Err(JaasError::UnterminatedComment { at: start }),
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// A run of name characters: letters, digits, `_`, `-`, `$`, `.` (class names and option
    /// names).
    fn name(&mut self) -> Option<String> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '.')) {
            self.pos += 1;
        }
        (self.pos > start).then(|| self.chars[start..self.pos].iter().collect())
    }

    /// A quoted value (the opening quote is at `pos`) or a bare token.
    fn value(&mut self, option: &str) -> Result<Option<String>, JaasError> {
        match self.peek() {
            Some(quote @ ('"' | '\'')) => {
                self.pos += 1;
                let mut value = String::new();
                loop {
                    match self.peek() {
                        None => return Err(JaasError::UnterminatedQuote { option: option.to_string() }),
                        Some(c) if c == quote => {
                            self.pos += 1;
                            return Ok(Some(value));
                        }
                        Some('\\') => {
                            self.pos += 1;
                            let Some(escaped) = self.peek() else {
                                return Err(JaasError::UnterminatedQuote { option: option.to_string() });
                            };
                            self.pos += 1;
                            // The escapes of Java's StreamTokenizer, which reads JAAS files:
                            // C's letters and octal `\ooo` (three digits only from `\0` to `\3`).
                            value.push(match escaped {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                'b' => '\u{8}',
                                'f' => '\u{c}',
                                'a' => '\u{7}',
                                'v' => '\u{b}',
                                '0'..='7' => {
                                    let mut code = escaped as u32 - '0' as u32;
                                    let digits = if escaped <= '3' { 3 } else { 2 };
                                    for _ in 1..digits {
                                        match self.peek() {
                                            Some(d @ '0'..='7') => {
                                                code = code * 8 + (d as u32 - '0' as u32);
                                                self.pos += 1;
                                            }
                                            _ => break,
                                        }
                                    }
                                    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                                }
                                other => other,
                            });
                        }
                        Some(c) => {
                            self.pos += 1;
                            value.push(c);
                        }
                    }
                }
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(|c| !c.is_whitespace() && !matches!(c, ';' | '=' | '"' | '\'')) {
                    self.pos += 1;
                }
                Ok((self.pos > start).then(|| self.chars[start..self.pos].iter().collect()))
            }
        }
    }
}

fn parse_entry(lexer: &mut Lexer) -> Result<JaasConfig, JaasError> {
    let at = lexer.pos;
    let class = lexer.name().filter(|c| c.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$'));
    let Some(class) = class else {
        return Err(JaasError::ExpectedLoginModule { at });
    };
    lexer.skip_blanks()?;
    let at = lexer.pos;
    let flag = match lexer.name().map(|f| f.to_ascii_lowercase()).as_deref() {
        Some("required") => ControlFlag::Required,
        Some("requisite") => ControlFlag::Requisite,
        Some("sufficient") => ControlFlag::Sufficient,
        Some("optional") => ControlFlag::Optional,
        _ => return Err(JaasError::ExpectedControlFlag { at }),
    };
    let mut options = BTreeMap::new();
    loop {
        lexer.skip_blanks()?;
        let at = lexer.pos;
        match lexer.peek() {
            None => return Err(JaasError::MissingSemicolon),
            Some(';') => {
                lexer.pos += 1;
                return Ok(JaasConfig { class, flag, options });
            }
            Some(_) => {}
        }
        let Some(option) = lexer.name() else {
            return Err(JaasError::ExpectedOptionName { at });
        };
        lexer.skip_blanks()?;
        if lexer.peek() != Some('=') {
            return Err(JaasError::ExpectedEquals { option, at: lexer.pos });
        }
        lexer.pos += 1;
        lexer.skip_blanks()?;
        let at = lexer.pos;
        let Some(value) = lexer.value(&option)? else {
            return Err(JaasError::ExpectedValue { option, at });
        };
        if options.contains_key(&option) {
            return Err(JaasError::DuplicateOption { option });
        }
        options.insert(option, value);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn plain_module_with_quoted_and_bare_values() {
        let jaas = JaasConfig::parse(
            "org.apache.kafka.common.security.plain.PlainLoginModule required\n  username=alice\n  password=\"p w;=\\\\x\";",
        )
        .unwrap();
        assert_eq!(jaas.login_module(), LoginModule::Plain);
        assert_eq!(jaas.flag(), ControlFlag::Required);
        assert_eq!(jaas.option("username"), Some("alice"));
        assert_eq!(jaas.secret("password").unwrap().expose(), "p w;=\\x");
        assert_eq!(jaas.option_names().collect::<Vec<_>>(), ["password", "username"]);
    }

    #[test]
    fn escapes_comments_flags_and_single_quotes() {
        let jaas = JaasConfig::parse(
            "/* c */ x.ScramLoginModule SUFFICIENT // line\n a='it\\'s' b=\"tab\\there\\nnl\\\"q\" tokenauth=true ;  ",
        )
        .unwrap();
        assert_eq!(jaas.login_module(), LoginModule::Scram);
        assert_eq!(jaas.flag(), ControlFlag::Sufficient);
        assert_eq!(jaas.option("a"), Some("it's"));
        assert_eq!(jaas.option("b"), Some("tab\there\nnl\"q"));
        assert_eq!(jaas.option("tokenauth"), Some("true"));
    }

    #[test]
    fn octal_and_c_escapes_as_javas_stream_tokenizer() {
        let jaas = JaasConfig::parse(r#"x.PlainLoginModule required p="\101\0619\477\7x\a\v\08";"#).unwrap();
        // \101 is 'A'; \061 then '9'; \47 (4 allows two digits) then '7'; \7 then 'x'; \0 then '8'.
        assert_eq!(jaas.option("p"), Some("A19'7\u{7}x\u{7}\u{b}\u{0}8"));
    }

    #[test]
    fn oauthbearer_options_by_prefix() {
        let jaas = JaasConfig::parse(
            r#"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule optional
               unsecuredLoginStringClaim_sub="admin" unsecuredLoginListClaim_scope=",a,b"
               unsecuredLoginLifetimeSeconds=60;"#,
        )
        .unwrap();
        assert_eq!(jaas.login_module(), LoginModule::OAuthBearer);
        let claims: Vec<_> = jaas.options_with_prefix("unsecuredLoginStringClaim_").collect();
        assert_eq!(claims, [("sub", "admin")]);
        assert_eq!(jaas.option("unsecuredLoginLifetimeSeconds"), Some("60"));
        assert_eq!(
            JaasConfig::parse("com.sun.security.auth.module.Krb5LoginModule required;").unwrap().login_module(),
            LoginModule::Other("com.sun.security.auth.module.Krb5LoginModule".into())
        );
    }

    #[test]
    fn errors_name_the_problem_without_values() {
        let cases: &[(&str, JaasError)] = &[
            ("", JaasError::Empty),
            ("  // only a comment", JaasError::Empty),
            ("= x", JaasError::ExpectedLoginModule { at: 0 }),
            ("a.B sometimes;", JaasError::ExpectedControlFlag { at: 4 }),
            ("a.B required", JaasError::MissingSemicolon),
            ("a.B required password=\"s3cret", JaasError::UnterminatedQuote { option: "password".into() }),
            ("a.B required password s3cret;", JaasError::ExpectedEquals { option: "password".into(), at: 22 }),
            ("a.B required password=;", JaasError::ExpectedValue { option: "password".into(), at: 22 }),
            ("a.B required u=1 u=2;", JaasError::DuplicateOption { option: "u".into() }),
            ("a.B required; c.D required;", JaasError::MultipleModules { count: 2 }),
            ("a.B required /* open", JaasError::UnterminatedComment { at: 13 }),
            ("a.B required \"s3cret\";", JaasError::ExpectedOptionName { at: 13 }),
        ];
        for (text, expected) in cases {
            let err = JaasConfig::parse(text).unwrap_err();
            assert_eq!(&err, expected, "{text:?}");
            assert!(!err.to_string().contains("s3cret"), "{err}");
        }
    }

    #[test]
    fn debug_shows_no_values() {
        let jaas = JaasConfig::parse("a.PlainLoginModule required username=u password=\"hunter2\";").unwrap();
        let debug = format!("{jaas:?}");
        assert!(debug.contains("password") && !debug.contains("hunter2"), "{debug}");
    }

    proptest! {
        #[test]
        fn random_text_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = JaasConfig::parse(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn jaas_like_text_never_panics(text in r#"[a-zA-Z. ="';\\/*_\n-]{0,80}"#) {
            let _ = JaasConfig::parse(&text);
        }

        #[test]
        fn quoted_values_round_trip(value in "\\PC{0,40}") {
            let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
            let jaas = JaasConfig::parse(&format!("m.PlainLoginModule required password=\"{escaped}\";")).unwrap();
            let password = jaas.secret("password").unwrap();
            prop_assert_eq!(password.expose(), value.as_str());
        }
    }
}
