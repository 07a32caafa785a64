//! SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677), the server side, as Kafka's
//! `ScramSaslServer` runs it over SaslAuthenticate: client-first (`n,,n=user,r=nonce`),
//! server-first (`r=` the client's nonce and ours, `s=` salt, `i=` iterations), client-final
//! (`c=` channel binding, `r=`, `p=` proof), server-final (`v=` server signature).
//!
//! Only salted credentials are kept (salt, iterations, StoredKey, ServerKey), as Kafka stores
//! them in its metadata; the password is dropped once they are derived. Any failure (unknown
//! user, malformed message, wrong nonce, wrong proof) is a plain SaslException in Kafka, which
//! its authenticator answers with one generic message naming the mechanism, so nothing tells a
//! client whether the user exists.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256, Sha512};

use super::sasl::{constant_time_eq, Failure, Step};
use super::SaslMechanism;

/// Kafka refuses SCRAM credentials with fewer iterations (`ScramMechanism.minIterations`).
pub(crate) const MIN_ITERATIONS: u32 = 4096;

/// The largest iteration count the builder takes (Kafka's `maxIterations`).
pub(crate) const MAX_ITERATIONS: u32 = 16384;

/// One user's salted credential for one mechanism.
#[derive(Clone)]
pub(crate) struct Credential {
    mechanism: SaslMechanism,
    salt: Vec<u8>,
    iterations: u32,
    stored_key: Vec<u8>,
    server_key: Vec<u8>,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential").field("mechanism", &self.mechanism).field("iterations", &self.iterations).finish()
    }
}

impl Credential {
    /// Derives a credential with a fresh random salt.
    pub(crate) fn new(mechanism: SaslMechanism, password: &str, iterations: u32) -> Result<Credential, String> {
        let mut salt = vec![0u8; 32];
        getrandom::fill(&mut salt).map_err(|e| format!("no randomness for a SCRAM salt: {e}"))?;
        Credential::with_salt(mechanism, password, salt, iterations)
    }

    pub(crate) fn with_salt(
        mechanism: SaslMechanism,
        password: &str,
        salt: Vec<u8>,
        iterations: u32,
    ) -> Result<Credential, String> {
        if !mechanism.is_scram() {
            return Err(format!("{mechanism} is not a SCRAM mechanism"));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(format!("SCRAM iterations must be {MIN_ITERATIONS}..={MAX_ITERATIONS}, not {iterations}"));
        }
        let salted = salted_password(mechanism, password.as_bytes(), &salt, iterations);
        Ok(Credential::from_salted(mechanism, &salted, salt, iterations))
    }
}

impl Credential {
    /// A credential from a salted password, as AlterUserScramCredentials carries it.
    pub(crate) fn from_salted(mechanism: SaslMechanism, salted: &[u8], salt: Vec<u8>, iterations: u32) -> Credential {
        let client_key = hmac(mechanism, salted, b"Client Key");
        Credential {
            mechanism,
            stored_key: hash(mechanism, &client_key),
            server_key: hmac(mechanism, salted, b"Server Key"),
            salt,
            iterations,
        }
    }

    /// The iteration count (DescribeUserScramCredentials reports it).
    pub(crate) fn iterations(&self) -> u32 {
        self.iterations
    }
}

/// The cluster's SCRAM credentials: the builder's users, then whatever
/// AlterUserScramCredentials changes. A leaf lock: held for one lookup or one request's
/// changes, never with another lock.
#[derive(Debug, Default)]
pub(crate) struct Store(std::sync::Mutex<std::collections::BTreeMap<(SaslMechanism, String), Credential>>);

impl Store {
    pub(crate) fn new(credentials: std::collections::BTreeMap<(SaslMechanism, String), Credential>) -> Store {
        Store(std::sync::Mutex::new(credentials))
    }

    pub(crate) fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::BTreeMap<(SaslMechanism, String), Credential>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn get(&self, mechanism: SaslMechanism, user: &str) -> Option<Credential> {
        self.lock().get(&(mechanism, user.to_owned())).cloned()
    }
}

fn salted_password(mechanism: SaslMechanism, password: &[u8], salt: &[u8], iterations: u32) -> Vec<u8> {
    match mechanism {
        SaslMechanism::ScramSha512 => {
            let mut out = [0u8; 64];
            pbkdf2::pbkdf2_hmac::<Sha512>(password, salt, iterations, &mut out);
            out.to_vec()
        }
        _ => {
            let mut out = [0u8; 32];
            pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, iterations, &mut out);
            out.to_vec()
        }
    }
}

fn hmac(mechanism: SaslMechanism, key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length: `new_from_slice` cannot fail; an empty MAC would only
    // make the proof check fail, never pass.
    match mechanism {
        SaslMechanism::ScramSha512 => <Hmac<Sha512> as KeyInit>::new_from_slice(key)
            .map(|mut m| {
                m.update(data);
                m.finalize().into_bytes().to_vec()
            })
            .unwrap_or_default(),
        _ => <Hmac<Sha256> as KeyInit>::new_from_slice(key)
            .map(|mut m| {
                m.update(data);
                m.finalize().into_bytes().to_vec()
            })
            .unwrap_or_default(),
    }
}

fn hash(mechanism: SaslMechanism, data: &[u8]) -> Vec<u8> {
    match mechanism {
        SaslMechanism::ScramSha512 => Sha512::digest(data).to_vec(),
        _ => Sha256::digest(data).to_vec(),
    }
}

/// Where a SCRAM exchange stands.
#[derive(Debug)]
pub(crate) enum Exchange {
    /// Waiting for client-first.
    Start,
    /// Server-first sent; waiting for client-final.
    ServerFirstSent {
        user: String,
        credential: Credential,
        /// client-first-bare "," server-first: the start of the AuthMessage.
        auth_prefix: String,
        /// The GS2 header client-final must echo (base64) in `c=`.
        gs2_header: String,
        /// Client nonce followed by ours.
        nonce: String,
    },
    /// Finished (either way): a further message is a protocol error.
    Done,
}

impl Exchange {
    /// Serves one client message. `lookup` finds a user's credential; `server_nonce` makes
    /// our half of the nonce (random in the broker, fixed in the RFC's test vector).
    pub(crate) fn step(
        &mut self,
        mechanism: SaslMechanism,
        message: &[u8],
        lookup: impl Fn(&str) -> Option<Credential>,
        server_nonce: impl FnOnce() -> Option<String>,
    ) -> Step {
        match std::mem::replace(self, Exchange::Done) {
            Exchange::Start => {
                let first = match ClientFirst::parse(message) {
                    Ok(f) => f,
                    Err(detail) => return Step::Fail(Failure::invalid(detail)),
                };
                if first.authzid.as_deref().is_some_and(|a| a != first.user) {
                    // Kafka: "Authentication failed: Client requested an authorization id
                    // that is different from username", a SaslAuthenticationException.
                    return Step::Fail(Failure::said(
                        "Authentication failed: Client requested an authorization id that is different from username",
                    ));
                }
                if first.token_auth {
                    return Step::Fail(Failure::invalid("delegation tokens are not supported"));
                }
                let Some(credential) = lookup(&first.user) else {
                    return Step::Fail(Failure::invalid("unknown user"));
                };
                let Some(ours) = server_nonce() else {
                    return Step::Fail(Failure::invalid("no randomness for a nonce"));
                };
                let nonce = format!("{}{ours}", first.nonce);
                let server_first =
                    format!("r={nonce},s={},i={}", STANDARD.encode(&credential.salt), credential.iterations);
                let auth_prefix = format!("{},{server_first}", first.bare);
                *self = Exchange::ServerFirstSent {
                    user: first.user,
                    credential,
                    auth_prefix,
                    gs2_header: first.gs2_header,
                    nonce,
                };
                Step::Challenge(server_first.into_bytes())
            }
            Exchange::ServerFirstSent { user, credential, auth_prefix, gs2_header, nonce } => {
                let last = match ClientFinal::parse(message) {
                    Ok(f) => f,
                    Err(detail) => return Step::Fail(Failure::invalid(detail)),
                };
                if last.nonce != nonce {
                    return Step::Fail(Failure::invalid("Invalid client nonce in the final client message."));
                }
                if STANDARD.decode(&last.channel_binding).ok().as_deref() != Some(gs2_header.as_bytes()) {
                    return Step::Fail(Failure::invalid("channel binding does not echo the GS2 header"));
                }
                let auth_message = format!("{auth_prefix},{}", last.without_proof);
                let client_signature = hmac(mechanism, &credential.stored_key, auth_message.as_bytes());
                if last.proof.len() != client_signature.len() {
                    return Step::Fail(Failure::invalid("Invalid client credentials"));
                }
                let client_key: Vec<u8> = last.proof.iter().zip(&client_signature).map(|(p, s)| p ^ s).collect();
                if !constant_time_eq(&hash(mechanism, &client_key), &credential.stored_key) {
                    return Step::Fail(Failure::invalid("Invalid client credentials"));
                }
                let server_signature = hmac(mechanism, &credential.server_key, auth_message.as_bytes());
                let reply = format!("v={}", STANDARD.encode(server_signature)).into_bytes();
                Step::Done { reply, user, credential_expiry_ms: None }
            }
            Exchange::Done => Step::Fail(Failure::invalid("message after the exchange ended")),
        }
    }
}

/// A random server nonce: 24 bytes, base64url (printable, no comma, as RFC 5802 asks).
pub(crate) fn random_nonce() -> Option<String> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).ok()?;
    Some(URL_SAFE_NO_PAD.encode(bytes))
}

/// client-first-message.
#[derive(Debug)]
struct ClientFirst {
    gs2_header: String,
    authzid: Option<String>,
    user: String,
    nonce: String,
    /// client-first-message-bare: what the AuthMessage starts with.
    bare: String,
    /// Kafka's `tokenauth=true` extension (delegation tokens).
    token_auth: bool,
}

impl ClientFirst {
    fn parse(message: &[u8]) -> Result<ClientFirst, &'static str> {
        let text = std::str::from_utf8(message).map_err(|_| "client-first is not UTF-8")?;
        // gs2-header: "n," (Kafka supports no channel binding, so neither "y" nor "p="),
        // then an optional "a=authzid", then ",".
        let rest = text.strip_prefix("n,").ok_or("client-first must start with n,")?;
        let (authz, bare) = rest.split_once(',').ok_or("client-first has no GS2 header end")?;
        let authzid = match authz {
            "" => None,
            a => Some(decode_saslname(a.strip_prefix("a=").ok_or("bad authzid")?)?),
        };
        let gs2_header = format!("n,{authz},");
        let mut fields = bare.split(',');
        let user = decode_saslname(fields.next().and_then(|f| f.strip_prefix("n=")).ok_or("no n= in client-first")?)?;
        let nonce = fields.next().and_then(|f| f.strip_prefix("r=")).ok_or("no r= in client-first")?;
        if user.is_empty() || !valid_nonce(nonce) {
            return Err("empty user or bad nonce in client-first");
        }
        let mut token_auth = false;
        for extension in fields {
            let (key, value) = extension.split_once('=').ok_or("malformed extension")?;
            if key == "tokenauth" && value.eq_ignore_ascii_case("true") {
                token_auth = true;
            }
        }
        Ok(ClientFirst { gs2_header, authzid, user, nonce: nonce.to_owned(), bare: bare.to_owned(), token_auth })
    }
}

/// client-final-message.
#[derive(Debug)]
struct ClientFinal {
    channel_binding: String,
    nonce: String,
    proof: Vec<u8>,
    /// client-final-message-without-proof, part of the AuthMessage.
    without_proof: String,
}

impl ClientFinal {
    fn parse(message: &[u8]) -> Result<ClientFinal, &'static str> {
        let text = std::str::from_utf8(message).map_err(|_| "client-final is not UTF-8")?;
        let (without_proof, proof) = text.rsplit_once(",p=").ok_or("no p= in client-final")?;
        let mut fields = without_proof.split(',');
        let channel_binding = fields.next().and_then(|f| f.strip_prefix("c=")).ok_or("no c= in client-final")?;
        let nonce = fields.next().and_then(|f| f.strip_prefix("r=")).ok_or("no r= in client-final")?;
        let proof = STANDARD.decode(proof).map_err(|_| "proof is not base64")?;
        Ok(ClientFinal {
            channel_binding: channel_binding.to_owned(),
            nonce: nonce.to_owned(),
            proof,
            without_proof: without_proof.to_owned(),
        })
    }
}

/// RFC 5802 saslname: "=2C" is ",", "=3D" is "=", any other "=" is malformed.
fn decode_saslname(s: &str) -> Result<String, &'static str> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('=') {
        out.push_str(&rest[..i]);
        let escape = rest.get(i..i + 3).ok_or("bad saslname escape")?;
        out.push(match escape {
            "=2C" => ',',
            "=3D" => '=',
            _ => return Err("bad saslname escape"),
        });
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    Ok(out)
}

/// RFC 5802 nonce: printable ASCII except ",".
fn valid_nonce(nonce: &str) -> bool {
    !nonce.is_empty() && nonce.bytes().all(|b| (0x21..=0x7e).contains(&b) && b != b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7677 section 3: user "user", password "pencil", SCRAM-SHA-256.
    #[test]
    fn rfc7677_test_vector() {
        let salt = STANDARD.decode("W22ZaJ0SNY7soEsUEjb6gQ==").expect("salt");
        let credential = Credential::with_salt(SaslMechanism::ScramSha256, "pencil", salt, 4096).expect("credential");
        let mut exchange = Exchange::Start;
        let lookup = |u: &str| (u == "user").then(|| credential.clone());
        let step = exchange.step(SaslMechanism::ScramSha256, b"n,,n=user,r=rOprNGfwEbeRWgbNEkqO", lookup, || {
            Some("%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0".to_owned())
        });
        match step {
            Step::Challenge(c) => {
                assert_eq!(c, b"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
            }
            other => panic!("{other:?}"),
        }
        let step = exchange.step(
            SaslMechanism::ScramSha256,
            b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            lookup,
            || None,
        );
        match step {
            Step::Done { reply, user, .. } => {
                assert_eq!(reply, b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
                assert_eq!(user, "user");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_wrong_proof_or_nonce_fails() {
        let salt = STANDARD.decode("W22ZaJ0SNY7soEsUEjb6gQ==").expect("salt");
        let credential = Credential::with_salt(SaslMechanism::ScramSha256, "pencil", salt, 4096).expect("credential");
        let lookup = |u: &str| (u == "user").then(|| credential.clone());
        for last in [
            &b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVR="[..],
            b"c=biws,r=rOprNGfwEbeRWgbNEkqO,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            b"c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=AAAA",
        ] {
            let mut exchange = Exchange::Start;
            let first = exchange.step(SaslMechanism::ScramSha256, b"n,,n=user,r=rOprNGfwEbeRWgbNEkqO", lookup, || {
                Some("%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0".to_owned())
            });
            assert!(matches!(first, Step::Challenge(_)));
            let step = exchange.step(SaslMechanism::ScramSha256, last, lookup, || None);
            assert!(matches!(step, Step::Fail(Failure { message: None, .. })), "{step:?}");
        }
        let mut exchange = Exchange::Start;
        let unknown = exchange.step(SaslMechanism::ScramSha256, b"n,,n=bob,r=abc", lookup, random_nonce);
        assert!(matches!(unknown, Step::Fail(Failure { message: None, .. })));
    }

    #[test]
    fn saslnames_and_iterations() {
        assert_eq!(decode_saslname("a=2Cb=3Dc").as_deref(), Ok("a,b=c"));
        assert!(decode_saslname("a=4").is_err());
        assert!(decode_saslname("a=").is_err());
        assert!(Credential::new(SaslMechanism::ScramSha512, "p", 4095).is_err());
        assert!(Credential::new(SaslMechanism::Plain, "p", 4096).is_err());
    }
}
