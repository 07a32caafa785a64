//! SASL/SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677; KIP-84): the password never
//! crosses the wire, and the broker proves it holds the user's credential.
//!
//! The exchange, without channel binding (gs2 header `n,,`):
//!
//! 1. client-first: `n,,n=<user>,r=<client nonce>` (plus `,tokenauth=true` for a delegation
//!    token, KIP-48);
//! 2. server-first: `r=<client nonce><server nonce>,s=<base64 salt>,i=<iterations>`;
//! 3. client-final: `c=biws,r=<nonce>,p=<base64 proof>`;
//! 4. server-final: `v=<base64 server signature>`, checked in constant time, or `e=<error>`.
//!
//! The functions [`salted_password`], [`client_key`], [`stored_key`] and [`server_key`] are
//! public so that the admin client's credential upserts (and test brokers) compute exactly what
//! this client proves.

use std::fmt;
use std::num::NonZeroU32;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use futures_util::future::BoxFuture;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256, Sha512};

use super::{Exchange, Mechanism, Step};
use crate::error::{BrokerId, SaslError};
use crate::secret::Secret;

/// The fewest PBKDF2 iterations accepted from a broker: Kafka's minimum for SCRAM credentials
/// (and RFC 7677's recommendation).
pub const MIN_ITERATIONS: u32 = 4096;

/// The most PBKDF2 iterations accepted from a broker. Kafka stores credentials with 4096 to
/// 16384 iterations; a million costs about a second; a broker asking for more (say 10^9) would
/// stall the client, so it is refused.
pub const MAX_ITERATIONS: u32 = 1_000_000;

/// The hash of a SCRAM mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ScramHash {
    /// SHA-256: SCRAM-SHA-256, 32-byte keys.
    Sha256,
    /// SHA-512: SCRAM-SHA-512, 64-byte keys.
    Sha512,
}

impl ScramHash {
    /// The mechanism's name: `SCRAM-SHA-256` or `SCRAM-SHA-512`.
    pub fn mechanism_name(self) -> &'static str {
        match self {
            ScramHash::Sha256 => "SCRAM-SHA-256",
            ScramHash::Sha512 => "SCRAM-SHA-512",
        }
    }

    /// The hash of the mechanism named `name` (`SCRAM-SHA-256`, `SCRAM-SHA-512`).
    pub fn from_mechanism_name(name: &str) -> Option<ScramHash> {
        match name {
            "SCRAM-SHA-256" => Some(ScramHash::Sha256),
            "SCRAM-SHA-512" => Some(ScramHash::Sha512),
            _ => None,
        }
    }

    /// The length of the hash's output, and so of every SCRAM key.
    pub fn output_len(self) -> usize {
        match self {
            ScramHash::Sha256 => 32,
            ScramHash::Sha512 => 64,
        }
    }

    fn hash(self, data: &[u8]) -> Vec<u8> {
        match self {
            ScramHash::Sha256 => Sha256::digest(data).to_vec(),
            ScramHash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        match self {
            ScramHash::Sha256 => {
                let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
                mac.update(data);
                mac.finalize().into_bytes().to_vec()
            }
            ScramHash::Sha512 => {
                let mut mac = <Hmac<Sha512> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
                mac.update(data);
                mac.finalize().into_bytes().to_vec()
            }
        }
    }

    /// Whether `tag` is `HMAC(key, data)`, compared in constant time.
    fn hmac_verify(self, key: &[u8], data: &[u8], tag: &[u8]) -> bool {
        match self {
            ScramHash::Sha256 => {
                let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
                mac.update(data);
                mac.verify_slice(tag).is_ok()
            }
            ScramHash::Sha512 => {
                let mut mac = <Hmac<Sha512> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
                mac.update(data);
                mac.verify_slice(tag).is_ok()
            }
        }
    }
}

/// `SaltedPassword := Hi(password, salt, iterations)` of RFC 5802: PBKDF2 with HMAC of `hash`,
/// one block of the hash's length. What a broker stores (via its stored and server keys) and
/// what `AlterUserScramCredentials` upserts carry.
///
/// ```
/// use std::num::NonZeroU32;
/// use kfk_client::sasl::scram::{salted_password, ScramHash};
///
/// let four_thousand = NonZeroU32::new(4096).unwrap();
/// assert_eq!(salted_password(ScramHash::Sha512, "pencil", b"salt", four_thousand).len(), 64);
/// ```
pub fn salted_password(hash: ScramHash, password: &str, salt: &[u8], iterations: NonZeroU32) -> Vec<u8> {
    let mut out = vec![0u8; hash.output_len()];
    match hash {
        ScramHash::Sha256 => pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, iterations.get(), &mut out),
        ScramHash::Sha512 => pbkdf2::pbkdf2_hmac::<Sha512>(password.as_bytes(), salt, iterations.get(), &mut out),
    }
    out
}

/// `ClientKey := HMAC(SaltedPassword, "Client Key")`.
pub fn client_key(hash: ScramHash, salted_password: &[u8]) -> Vec<u8> {
    hash.hmac(salted_password, b"Client Key")
}

/// `StoredKey := H(ClientKey)`: what a broker stores to check a client's proof.
pub fn stored_key(hash: ScramHash, client_key: &[u8]) -> Vec<u8> {
    hash.hash(client_key)
}

/// `ServerKey := HMAC(SaltedPassword, "Server Key")`: what a broker signs its final message
/// with.
pub fn server_key(hash: ScramHash, salted_password: &[u8]) -> Vec<u8> {
    hash.hmac(salted_password, b"Server Key")
}

/// A user name as SCRAM's `saslname`: `=` becomes `=3D` and `,` becomes `=2C` (Kafka applies
/// no further SASLprep).
pub fn sasl_name(username: &str) -> String {
    username.replace('=', "=3D").replace(',', "=2C")
}

/// SCRAM-SHA-256 or SCRAM-SHA-512 with a user name and password (or a delegation token's id and
/// HMAC, with [`Scram::token_auth`]).
///
/// ```
/// use kfk_client::sasl::{Mechanism, Scram};
///
/// let scram = Scram::sha512("alice", "alice-secret");
/// assert_eq!(scram.name(), "SCRAM-SHA-512");
/// assert!(!format!("{scram:?}").contains("alice-secret"));
/// ```
#[derive(Clone)]
pub struct Scram {
    hash: ScramHash,
    username: String,
    password: Secret,
    token_auth: bool,
    /// A fixed client nonce, for the RFC test vectors; `None` draws one per exchange.
    nonce: Option<String>,
}

impl fmt::Debug for Scram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scram")
            .field("mechanism", &self.hash.mechanism_name())
            .field("username", &self.username)
            .field("password", &self.password)
            .field("token_auth", &self.token_auth)
            .finish_non_exhaustive()
    }
}

impl Scram {
    /// SCRAM with `hash` for `username` and `password`.
    pub fn new(hash: ScramHash, username: impl Into<String>, password: impl Into<Secret>) -> Scram {
        Scram { hash, username: username.into(), password: password.into(), token_auth: false, nonce: None }
    }

    /// SCRAM-SHA-256 for `username` and `password`.
    pub fn sha256(username: impl Into<String>, password: impl Into<Secret>) -> Scram {
        Scram::new(ScramHash::Sha256, username, password)
    }

    /// SCRAM-SHA-512 for `username` and `password`.
    pub fn sha512(username: impl Into<String>, password: impl Into<Secret>) -> Scram {
        Scram::new(ScramHash::Sha512, username, password)
    }

    /// Authenticates with a delegation token (KIP-48): the user name is the token id, the
    /// password its HMAC, and the client-first message carries `tokenauth=true` (the JAAS
    /// option `tokenauth="true"`).
    pub fn token_auth(mut self, token_auth: bool) -> Scram {
        self.token_auth = token_auth;
        self
    }

    /// The hash.
    pub fn hash(&self) -> ScramHash {
        self.hash
    }

    /// The user name.
    pub fn username(&self) -> &str {
        &self.username
    }

    /// Uses `nonce` as the client nonce of every exchange (tests with fixed vectors only).
    #[cfg(test)]
    pub(crate) fn with_nonce(mut self, nonce: impl Into<String>) -> Scram {
        self.nonce = Some(nonce.into());
        self
    }

    fn exchange(&self) -> Result<ScramExchange, SaslError> {
        let nonce = match &self.nonce {
            Some(nonce) => nonce.clone(),
            None => random_nonce().map_err(|e| SaslError::Credentials {
                mechanism: self.hash.mechanism_name().into(),
                detail: format!("no client nonce: the operating system's random source failed: {e}"),
            })?,
        };
        Ok(ScramExchange { scram: self.clone(), client_nonce: nonce, state: State::Start })
    }
}

/// 24 printable characters (no `,`) from 18 bytes of the operating system's CSPRNG: a nonce
/// nobody can predict, so a recorded exchange cannot be replayed.
fn random_nonce() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 18];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

impl Mechanism for Scram {
    fn name(&self) -> &str {
        self.hash.mechanism_name()
    }

    fn begin<'a>(&'a self, _broker: &'a BrokerId) -> BoxFuture<'a, Result<Box<dyn Exchange>, SaslError>> {
        let exchange = self.exchange().map(|e| Box::new(e) as Box<dyn Exchange>);
        Box::pin(async move { exchange })
    }
}

enum State {
    Start,
    /// The client-first message is sent; its bare part goes into the AuthMessage.
    SentFirst {
        client_first_bare: String,
    },
    /// The proof is sent; the broker must answer with `HMAC(server_key, auth_message)`.
    SentFinal {
        server_key: Vec<u8>,
        auth_message: String,
    },
    Done,
    Failed,
}

struct ScramExchange {
    scram: Scram,
    client_nonce: String,
    state: State,
}

impl ScramExchange {
    fn mechanism(&self) -> String {
        self.scram.hash.mechanism_name().to_string()
    }

    fn malformed(&self, detail: impl Into<String>) -> SaslError {
        SaslError::Malformed { mechanism: self.mechanism(), detail: detail.into() }
    }

    fn client_first(&mut self) -> Step {
        let mut bare = format!("n={},r={}", sasl_name(&self.scram.username), self.client_nonce);
        if self.scram.token_auth {
            bare.push_str(",tokenauth=true");
        }
        let message = format!("n,,{bare}");
        self.state = State::SentFirst { client_first_bare: bare };
        Step::Respond(message.into_bytes())
    }

    fn client_final(&self, client_first_bare: &str, server_first: &[u8]) -> Result<(Vec<u8>, State), SaslError> {
        let server_first =
            std::str::from_utf8(server_first).map_err(|_| self.malformed("server-first is not UTF-8"))?;
        let first = parse_server_first(server_first).map_err(|e| match e {
            ParseError::Malformed(detail) => self.malformed(format!("server-first: {detail}")),
            ParseError::Refused(message) => SaslError::Refused { mechanism: self.mechanism(), message },
        })?;
        if first.nonce.len() <= self.client_nonce.len() || !first.nonce.starts_with(&self.client_nonce) {
            return Err(SaslError::NonceMismatch { mechanism: self.mechanism() });
        }
        let iterations = first
            .iterations
            .parse::<u64>()
            .ok()
            .filter(|i| (u64::from(MIN_ITERATIONS)..=u64::from(MAX_ITERATIONS)).contains(i))
            .and_then(|i| NonZeroU32::new(i as u32));
        let Some(iterations) = iterations else {
            return Err(SaslError::IterationCount {
                mechanism: self.mechanism(),
                // Digits only (checked by the parser); saturate what overflows u64.
                iterations: first.iterations.parse::<u64>().unwrap_or(u64::MAX),
                min: MIN_ITERATIONS,
                max: MAX_ITERATIONS,
            });
        };
        let salt = STANDARD.decode(first.salt).map_err(|_| self.malformed("server-first: the salt is not base64"))?;
        if salt.is_empty() {
            return Err(self.malformed("server-first: the salt is empty"));
        }

        let hash = self.scram.hash;
        let salted = salted_password(hash, self.scram.password.expose(), &salt, iterations);
        let client_key = client_key(hash, &salted);
        let stored_key = stored_key(hash, &client_key);
        // c= is base64 of the gs2 header "n,," (no channel binding).
        let without_proof = format!("c=biws,r={}", first.nonce);
        let auth_message = format!("{client_first_bare},{server_first},{without_proof}");
        let client_signature = hash.hmac(&stored_key, auth_message.as_bytes());
        let proof: Vec<u8> = client_key.iter().zip(&client_signature).map(|(k, s)| k ^ s).collect();
        let message = format!("{without_proof},p={}", STANDARD.encode(proof));
        let next = State::SentFinal { server_key: server_key(hash, &salted), auth_message };
        Ok((message.into_bytes(), next))
    }

    fn verify_server_final(&self, server_key: &[u8], auth_message: &str, server_final: &[u8]) -> Result<(), SaslError> {
        let text = std::str::from_utf8(server_final).map_err(|_| self.malformed("server-final is not UTF-8"))?;
        let first = text.split(',').next().unwrap_or_default();
        if let Some(error) = first.strip_prefix("e=") {
            return Err(SaslError::Refused { mechanism: self.mechanism(), message: error.to_string() });
        }
        let Some(signature) = first.strip_prefix("v=") else {
            return Err(self.malformed("server-final has neither v= nor e="));
        };
        let signature =
            STANDARD.decode(signature).map_err(|_| self.malformed("server-final: the signature is not base64"))?;
        if self.scram.hash.hmac_verify(server_key, auth_message.as_bytes(), &signature) {
            Ok(())
        } else {
            Err(SaslError::ServerNotVerified { mechanism: self.mechanism() })
        }
    }
}

impl Exchange for ScramExchange {
    fn step(&mut self, challenge: Option<&[u8]>) -> Result<Step, SaslError> {
        let state = std::mem::replace(&mut self.state, State::Failed);
        match (state, challenge) {
            (State::Start, None) => Ok(self.client_first()),
            (State::SentFirst { client_first_bare }, Some(server_first)) => {
                let (message, next) = self.client_final(&client_first_bare, server_first)?;
                self.state = next;
                Ok(Step::Respond(message))
            }
            (State::SentFinal { server_key, auth_message }, Some(server_final)) => {
                self.verify_server_final(&server_key, &auth_message, server_final)?;
                self.state = State::Done;
                Ok(Step::Done)
            }
            (State::Start, Some(_)) => {
                Err(self.malformed("the broker sent a challenge before the client-first message"))
            }
            (State::Done, _) => Err(self.malformed("the exchange is already complete")),
            (State::Failed, _) => Err(self.malformed("the exchange already failed")),
            (_, None) => Err(self.malformed("no broker message where one was expected")),
        }
    }
}

/// The attributes of a server-first message (borrowed from it).
struct ServerFirst<'a> {
    nonce: &'a str,
    salt: &'a str,
    iterations: &'a str,
}

enum ParseError {
    Malformed(String),
    Refused(String),
}

/// `[m=ext,]r=nonce,s=salt,i=iterations[,ext=value...]`; a mandatory extension (`m=`) is not
/// supported, so refused (RFC 5802 section 5.1).
fn parse_server_first(message: &str) -> Result<ServerFirst<'_>, ParseError> {
    let mut attributes = message.split(',');
    let mut next = |name: &str| -> Result<&str, ParseError> {
        let attribute = attributes.next().unwrap_or_default();
        if let Some(error) = attribute.strip_prefix("e=") {
            return Err(ParseError::Refused(error.to_string()));
        }
        if attribute.starts_with("m=") {
            return Err(ParseError::Malformed("a mandatory extension (m=) is not supported".into()));
        }
        attribute
            .strip_prefix(name)
            .and_then(|a| a.strip_prefix('='))
            .filter(|value| !value.is_empty())
            .ok_or_else(|| ParseError::Malformed(format!("expected a non-empty `{name}=` attribute")))
    };
    let nonce = next("r")?;
    let salt = next("s")?;
    let iterations = next("i")?;
    if !iterations.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::Malformed("the iteration count is not a number".into()));
    }
    if !nonce.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        return Err(ParseError::Malformed("the nonce is not printable".into()));
    }
    Ok(ServerFirst { nonce, salt, iterations })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    fn broker() -> BrokerId {
        BrokerId { node_id: 0, addr: "b:9092".into() }
    }

    fn respond(step: Step) -> String {
        match step {
            Step::Respond(bytes) => String::from_utf8(bytes).unwrap(),
            Step::Done => panic!("expected a response, got Done"),
        }
    }

    /// RFC 7677 section 3: the SCRAM-SHA-256 example, byte for byte.
    #[tokio::test]
    async fn rfc7677_sha256_test_vector() {
        let scram = Scram::sha256("user", "pencil").with_nonce("rOprNGfwEbeRWgbNEkqO");
        let mut exchange = scram.begin(&broker()).await.unwrap();
        assert_eq!(respond(exchange.step(None).unwrap()), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        let server_first = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        assert_eq!(
            respond(exchange.step(Some(server_first.as_bytes())).unwrap()),
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        );
        let server_final = b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";
        assert_eq!(exchange.step(Some(server_final)).unwrap(), Step::Done);
        // Nothing follows completion.
        assert!(matches!(exchange.step(Some(b"")), Err(SaslError::Malformed { .. })));
    }

    /// A broker's side of SCRAM, from the stored credential only (what Kafka keeps).
    struct TestServer {
        hash: ScramHash,
        salt: Vec<u8>,
        iterations: u32,
        stored_key: Vec<u8>,
        server_key: Vec<u8>,
    }

    impl TestServer {
        fn new(hash: ScramHash, password: &str, iterations: u32) -> TestServer {
            let salt = b"some salt bytes".to_vec();
            let salted = salted_password(hash, password, &salt, NonZeroU32::new(iterations).unwrap());
            TestServer {
                hash,
                salt,
                iterations,
                stored_key: stored_key(hash, &client_key(hash, &salted)),
                server_key: server_key(hash, &salted),
            }
        }

        /// Checks the client-final's proof; returns the server-final.
        fn server_final(&self, client_first_bare: &str, server_first: &str, client_final: &str) -> Option<String> {
            let (without_proof, proof) = client_final.rsplit_once(",p=")?;
            let proof = STANDARD.decode(proof).ok()?;
            let auth_message = format!("{client_first_bare},{server_first},{without_proof}");
            let signature = self.hash.hmac(&self.stored_key, auth_message.as_bytes());
            let client_key: Vec<u8> = proof.iter().zip(&signature).map(|(p, s)| p ^ s).collect();
            (stored_key(self.hash, &client_key) == self.stored_key)
                .then(|| format!("v={}", STANDARD.encode(self.hash.hmac(&self.server_key, auth_message.as_bytes()))))
        }
    }

    async fn run_against(
        scram: &Scram,
        server: &TestServer,
    ) -> (Result<Step, SaslError>, Option<String>, Box<dyn Exchange>) {
        let mut exchange = scram.begin(&broker()).await.unwrap();
        let client_first = respond(exchange.step(None).unwrap());
        let bare = client_first.strip_prefix("n,,").unwrap().to_string();
        let client_nonce = bare.split(",r=").nth(1).unwrap().split(',').next().unwrap().to_string();
        let server_first =
            format!("r={client_nonce}srvnonce,s={},i={}", STANDARD.encode(&server.salt), server.iterations);
        let client_final = respond(exchange.step(Some(server_first.as_bytes())).unwrap());
        let server_final = server.server_final(&bare, &server_first, &client_final);
        let result = exchange.step(Some(server_final.clone().unwrap_or_default().as_bytes()));
        (result, server_final, exchange)
    }

    #[tokio::test]
    async fn sha512_round_trip_against_a_server_computation() {
        let server = TestServer::new(ScramHash::Sha512, "s3cr3t", 4096);
        let (result, server_final, _) = run_against(&Scram::sha512("alice", "s3cr3t"), &server).await;
        assert!(server_final.is_some(), "the server accepts the client's proof");
        assert_eq!(result.unwrap(), Step::Done);

        // A wrong password: the server rejects the proof.
        let (_, server_final, _) = run_against(&Scram::sha512("alice", "wrong"), &server).await;
        assert!(server_final.is_none());
    }

    #[tokio::test]
    async fn random_nonces_differ_and_are_printable() {
        let scram = Scram::sha256("u", "p");
        let mut nonces = Vec::new();
        for _ in 0..2 {
            let mut exchange = scram.begin(&broker()).await.unwrap();
            let first = respond(exchange.step(None).unwrap());
            let nonce = first.rsplit_once(",r=").unwrap().1.to_string();
            assert!(nonce.len() >= 24 && nonce.bytes().all(|b| (0x21..=0x7e).contains(&b) && b != b','));
            nonces.push(nonce);
        }
        assert_ne!(nonces[0], nonces[1]);
    }

    async fn after_server_first(scram: Scram, server_first: &str) -> Result<Step, SaslError> {
        let mut exchange = scram.begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        exchange.step(Some(server_first.as_bytes()))
    }

    fn fixed() -> Scram {
        Scram::sha256("user", "pencil").with_nonce("abc")
    }

    #[tokio::test]
    async fn a_wrong_server_signature_is_refused() {
        let mut exchange = fixed().begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        exchange.step(Some(b"r=abcdef,s=c2FsdA==,i=4096")).unwrap();
        let wrong = format!("v={}", STANDARD.encode([7u8; 32]));
        assert_eq!(
            exchange.step(Some(wrong.as_bytes())),
            Err(SaslError::ServerNotVerified { mechanism: "SCRAM-SHA-256".into() })
        );
        // A truncated signature too.
        let mut exchange = fixed().begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        exchange.step(Some(b"r=abcdef,s=c2FsdA==,i=4096")).unwrap();
        assert!(matches!(exchange.step(Some(b"v=AAAA")), Err(SaslError::ServerNotVerified { .. })));
    }

    #[tokio::test]
    async fn a_server_error_is_refused_with_its_words() {
        let mut exchange = fixed().begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        exchange.step(Some(b"r=abcdef,s=c2FsdA==,i=4096")).unwrap();
        assert_eq!(
            exchange.step(Some(b"e=invalid-proof")),
            Err(SaslError::Refused { mechanism: "SCRAM-SHA-256".into(), message: "invalid-proof".into() })
        );
    }

    #[tokio::test]
    async fn a_nonce_that_does_not_extend_ours_is_refused() {
        for server_first in ["r=xyzdef,s=c2FsdA==,i=4096", "r=abc,s=c2FsdA==,i=4096", "r=ab,s=c2FsdA==,i=4096"] {
            assert_eq!(
                after_server_first(fixed(), server_first).await,
                Err(SaslError::NonceMismatch { mechanism: "SCRAM-SHA-256".into() }),
                "{server_first}"
            );
        }
    }

    #[tokio::test]
    async fn iteration_counts_out_of_bounds_are_refused() {
        for (count, parsed) in
            [("4095", 4095), ("1", 1), ("0", 0), ("1000001", 1_000_001), ("4000000000", 4_000_000_000)]
        {
            let result = after_server_first(fixed(), &format!("r=abcdef,s=c2FsdA==,i={count}")).await;
            assert_eq!(
                result,
                Err(SaslError::IterationCount {
                    mechanism: "SCRAM-SHA-256".into(),
                    iterations: parsed,
                    min: 4096,
                    max: 1_000_000
                })
            );
        }
        let huge = after_server_first(fixed(), "r=abcdef,s=c2FsdA==,i=99999999999999999999999").await;
        assert!(matches!(huge, Err(SaslError::IterationCount { iterations: u64::MAX, .. })));
    }

    #[tokio::test]
    async fn malformed_messages_are_refused() {
        for server_first in [
            "",
            "garbage",
            "s=c2FsdA==,r=abcdef,i=4096",
            "r=abcdef,s=c2FsdA==",
            "r=abcdef,s=c2FsdA==,i=",
            "r=abcdef,s=c2FsdA==,i=-4096",
            "r=abcdef,s=c2FsdA==,i=4096x",
            "r=abcdef,s=***,i=4096",
            "r=abcdef,s=,i=4096",
            "m=ext,r=abcdef,s=c2FsdA==,i=4096",
            "r=abc def,s=c2FsdA==,i=4096",
        ] {
            let result = after_server_first(fixed(), server_first).await;
            assert!(matches!(result, Err(SaslError::Malformed { .. })), "{server_first:?}: {result:?}");
        }
        let mut exchange = fixed().begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        assert!(matches!(exchange.step(Some(&[0xff, 0xfe])), Err(SaslError::Malformed { .. })));
        // A failed exchange stays failed.
        assert!(matches!(exchange.step(Some(b"r=abcdef,s=c2FsdA==,i=4096")), Err(SaslError::Malformed { .. })));

        for server_final in ["", "x=1", "v=not base64!"] {
            let mut exchange = fixed().begin(&broker()).await.unwrap();
            exchange.step(None).unwrap();
            exchange.step(Some(b"r=abcdef,s=c2FsdA==,i=4096")).unwrap();
            let result = exchange.step(Some(server_final.as_bytes()));
            assert!(matches!(result, Err(SaslError::Malformed { .. })), "{server_final:?}: {result:?}");
        }
        // A challenge before the first message, or none where one is due.
        let mut exchange = fixed().begin(&broker()).await.unwrap();
        assert!(exchange.step(Some(b"r=abc")).is_err());
        let mut exchange = fixed().begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        assert!(exchange.step(None).is_err());
    }

    #[tokio::test]
    async fn a_server_first_error_is_refused() {
        assert!(matches!(after_server_first(fixed(), "e=unknown-user").await, Err(SaslError::Refused { .. })));
    }

    #[tokio::test]
    async fn user_names_are_escaped_and_token_auth_is_an_extension() {
        assert_eq!(sasl_name("a=b,c"), "a=3Db=2Cc");
        let scram = Scram::sha256("a=b,c", "p").with_nonce("n0nce").token_auth(true);
        let mut exchange = scram.begin(&broker()).await.unwrap();
        assert_eq!(respond(exchange.step(None).unwrap()), "n,,n=a=3Db=2Cc,r=n0nce,tokenauth=true");
    }

    #[test]
    fn no_password_in_debug_or_errors() {
        let scram = Scram::sha512("alice", "hunter2-secret");
        let debug = format!("{scram:?}");
        assert!(debug.contains("alice") && debug.contains("SCRAM-SHA-512"));
        assert!(!debug.contains("hunter2"), "{debug}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever the broker sends, the exchange answers with a message or an error, never a
        /// panic (and never does the PBKDF2 work for an out-of-bounds count).
        #[test]
        fn random_broker_messages_never_panic(
            first in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..120),
            last in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..120),
            iterations in 0u64..20_000,
        ) {
            let mut exchange = fixed().exchange().unwrap();
            exchange.step(None).unwrap();
            let _ = exchange.step(Some(&first));
            let _ = exchange.step(Some(&last));

            // A well-formed server-first with a random count: below 4096 is refused.
            let mut exchange = fixed().exchange().unwrap();
            exchange.step(None).unwrap();
            let result = exchange.step(Some(format!("r=abcd,s=c2FsdA==,i={iterations}").as_bytes()));
            proptest::prop_assert_eq!(result.is_ok(), iterations >= 4096);
            let _ = exchange.step(Some(&last));
        }
    }

    #[test]
    fn salted_password_matches_pbkdf2_vectors() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1.
        let expected: [u8; 32] = [
            0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f, 0xec, 0x16, 0x91, 0xc2, 0x25, 0x44, 0xb6, 0x05, 0xf9, 0x41,
            0x85, 0x21, 0x6d, 0xde, 0x04, 0x65, 0xe6, 0x8b, 0x9d, 0x57, 0xc2, 0x0d, 0xac, 0xbc,
        ];
        let one = NonZeroU32::new(1).unwrap();
        assert_eq!(salted_password(ScramHash::Sha256, "passwd", b"salt", one), expected);
        assert_eq!(salted_password(ScramHash::Sha512, "passwd", b"salt", one).len(), 64);
    }
}
