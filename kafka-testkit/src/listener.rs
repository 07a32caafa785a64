//! The words both sides of a Kafka listener use: its security protocol and the SASL mechanisms,
//! by Kafka's names. The JVM launcher's secured cluster (`jvm::security`) and
//! server-stub's listeners (which re-export these types) share them, so a test names a listener
//! the same way whichever broker serves it.

use std::fmt;
use std::str::FromStr;

/// A listener's security protocol (Kafka's `listener.security.protocol.map` values).
// Not `#[non_exhaustive]`: server-stub serves every variant and matches on them all, so that a
// new one cannot be added before the stub serves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SecurityProtocol {
    /// No TLS, no authentication (principal `User:ANONYMOUS`).
    Plaintext,
    /// TLS; the principal is the client certificate's subject with client authentication,
    /// else `User:ANONYMOUS`. (server-stub serves it with its `tls` feature.)
    Ssl,
    /// SASL authentication without TLS.
    SaslPlaintext,
    /// SASL authentication over TLS. (server-stub serves it with its `tls` feature.)
    SaslSsl,
}

impl SecurityProtocol {
    /// Every protocol, in port order.
    pub const ALL: [SecurityProtocol; 4] = [
        SecurityProtocol::Plaintext,
        SecurityProtocol::Ssl,
        SecurityProtocol::SaslPlaintext,
        SecurityProtocol::SaslSsl,
    ];

    /// Parses a name as [`name`](Self::name) gives it, in any case (`sasl_ssl` too).
    pub fn parse(text: &str) -> Option<SecurityProtocol> {
        SecurityProtocol::ALL.into_iter().find(|p| p.name().eq_ignore_ascii_case(text.trim()))
    }

    /// Kafka's name: `PLAINTEXT`, `SSL`, `SASL_PLAINTEXT`, `SASL_SSL`.
    pub fn name(self) -> &'static str {
        match self {
            SecurityProtocol::Plaintext => "PLAINTEXT",
            SecurityProtocol::Ssl => "SSL",
            SecurityProtocol::SaslPlaintext => "SASL_PLAINTEXT",
            SecurityProtocol::SaslSsl => "SASL_SSL",
        }
    }

    /// Whether connections must authenticate with SASL before anything else.
    pub fn is_sasl(self) -> bool {
        matches!(self, SecurityProtocol::SaslPlaintext | SecurityProtocol::SaslSsl)
    }

    /// Whether the listener speaks TLS.
    pub fn is_tls(self) -> bool {
        matches!(self, SecurityProtocol::Ssl | SecurityProtocol::SaslSsl)
    }
}

impl fmt::Display for SecurityProtocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SecurityProtocol {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_uppercase().as_str() {
            "PLAINTEXT" => Ok(SecurityProtocol::Plaintext),
            "SSL" => Ok(SecurityProtocol::Ssl),
            "SASL_PLAINTEXT" => Ok(SecurityProtocol::SaslPlaintext),
            "SASL_SSL" => Ok(SecurityProtocol::SaslSsl),
            _ => Err(format!("unknown security protocol {s} (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL)")),
        }
    }
}

/// A SASL mechanism, as brokers enable them (`sasl.enabled.mechanisms`).
// Not `#[non_exhaustive]`, as `SecurityProtocol`: the stub's SASL code matches on every variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SaslMechanism {
    /// `PLAIN` (RFC 4616): a user name and password in clear (over TLS, one hopes).
    Plain,
    /// `SCRAM-SHA-256` (RFC 5802, RFC 7677).
    ScramSha256,
    /// `SCRAM-SHA-512`.
    ScramSha512,
    /// `OAUTHBEARER` (RFC 7628): a JWT, unsecured (`alg: none`, as Kafka's default validator
    /// accepts them) or signed by an identity provider (KIP-768).
    OAuthBearer,
}

impl SaslMechanism {
    /// Every mechanism, in the order brokers list them by default here.
    pub const ALL: [SaslMechanism; 4] =
        [SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512, SaslMechanism::OAuthBearer];

    /// The mechanism's IANA name, as SaslHandshake carries it.
    pub fn name(self) -> &'static str {
        match self {
            SaslMechanism::Plain => "PLAIN",
            SaslMechanism::ScramSha256 => "SCRAM-SHA-256",
            SaslMechanism::ScramSha512 => "SCRAM-SHA-512",
            SaslMechanism::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// Parses a name as [`name`](Self::name) gives it, leniently (any case, `_` for `-`), as a
    /// command line accepts it; SaslHandshake compares names exactly ([`FromStr`]).
    pub fn parse(text: &str) -> Option<SaslMechanism> {
        let text = text.trim().replace('_', "-");
        SaslMechanism::ALL.into_iter().find(|m| m.name().eq_ignore_ascii_case(&text))
    }

    /// Whether this is one of the SCRAM mechanisms.
    pub fn is_scram(self) -> bool {
        matches!(self, SaslMechanism::ScramSha256 | SaslMechanism::ScramSha512)
    }
}

impl fmt::Display for SaslMechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SaslMechanism {
    type Err = String;

    /// Exact names, as Kafka compares them (SaslHandshake is case-sensitive).
    fn from_str(s: &str) -> Result<Self, String> {
        SaslMechanism::ALL.into_iter().find(|m| m.name() == s).ok_or_else(|| format!("unknown SASL mechanism {s}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_in_any_case() {
        assert_eq!(SecurityProtocol::parse("sasl_ssl"), Some(SecurityProtocol::SaslSsl));
        assert_eq!(SecurityProtocol::parse("SSL"), Some(SecurityProtocol::Ssl));
        assert_eq!(SecurityProtocol::parse("tls"), None);
        assert_eq!(SaslMechanism::parse("scram-sha-512"), Some(SaslMechanism::ScramSha512));
        assert_eq!(SaslMechanism::parse("SCRAM_SHA_256"), Some(SaslMechanism::ScramSha256));
        assert_eq!(SaslMechanism::parse("oauthbearer"), Some(SaslMechanism::OAuthBearer));
        assert_eq!(SaslMechanism::parse("GSSAPI"), None);
    }
}
