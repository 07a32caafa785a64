//! Which backend [`TestCluster::start`](super::TestCluster::start) picks: a pure decision over a
//! description of the environment ([`Environment`]), and the cheap probes that describe it.

use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::error::TestingError;
use super::ClusterKind;

/// Forces a backend: `external`, `container`, `jvm` or `stub`.
pub(crate) const BACKEND_VAR: &str = "KAFKA_TEST_BACKEND";
/// The bootstrap servers of a running broker or cluster to use.
pub(crate) const BOOTSTRAP_VAR: &str = "KAFKA_BOOTSTRAP_SERVERS";
/// The `security.json` of a running secured cluster (`cargo xtask kafka start --security ...`).
pub(crate) const SECURITY_FILE_VAR: &str = "KAFKA_SECURITY_FILE";
/// The client properties `cargo xtask kafka start --security ...` prints; its `security.json`
/// is two directories up (`security/clients/<file>` -> `security/security.json`).
pub(crate) const CLIENT_PROPERTIES_VAR: &str = "KAFKA_CLIENT_PROPERTIES";

/// What the environment offers, as far as the pick order cares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Environment {
    /// `KAFKA_TEST_BACKEND`, if set and not empty.
    pub forced: Option<String>,
    /// `KAFKA_BOOTSTRAP_SERVERS`, if set and not empty.
    pub bootstrap: Option<String>,
    /// The Docker engine endpoint that answered, if one did.
    pub docker: Option<String>,
    /// Whether this build can run containers (feature `testcontainers`).
    pub container_support: bool,
    /// Whether `java` is on `PATH` (or in `$JAVA_HOME/bin`).
    pub java: bool,
    /// Whether `mvn` is on `PATH`.
    pub mvn: bool,
    /// `KAFKA_SECURITY_FILE`, else the `security.json` beside `KAFKA_CLIENT_PROPERTIES`'s
    /// directory, if that file exists.
    pub security_file: Option<PathBuf>,
}

/// The backend to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Use the broker(s) at these bootstrap servers.
    External(String),
    /// Start `apache/kafka` in Docker.
    Container,
    /// Use the process-wide JVM broker.
    LocalJvm,
    /// Use the secured cluster described by this `security.json`.
    SecuredExternal(PathBuf),
    /// Start the in-process stub.
    Stub,
}

impl Plan {
    pub(crate) fn kind(&self) -> ClusterKind {
        match self {
            Plan::External(_) | Plan::SecuredExternal(_) => ClusterKind::External,
            Plan::Container => ClusterKind::Container,
            Plan::LocalJvm => ClusterKind::LocalJvm,
            Plan::Stub => ClusterKind::Stub,
        }
    }
}

/// A plan and the reason for it, in words (for the line that says which backend was picked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decision {
    pub plan: Plan,
    pub why: String,
}

/// The pick order: `KAFKA_TEST_BACKEND` if set (an error if that backend cannot run here), else
/// `KAFKA_BOOTSTRAP_SERVERS`, else the in-process stub. A JVM broker or a container runs only
/// when `KAFKA_TEST_BACKEND` asks for one: Java, Maven or Docker on a machine are no reason to
/// start a broker on its fixed ports, where another one may already listen.
pub(crate) fn decide(env: &Environment) -> Result<Decision, TestingError> {
    if let Some(forced) = &env.forced {
        let why = format!("{BACKEND_VAR}={forced}");
        let plan = match forced.trim().to_ascii_lowercase().as_str() {
            "external" => match &env.bootstrap {
                Some(bootstrap) => Plan::External(bootstrap.clone()),
                None => return Err(TestingError::NoBootstrapServers),
            },
            "container" | "docker" => {
                if !env.container_support {
                    return Err(unavailable(
                        ClusterKind::Container,
                        &why,
                        "kfk-stub was built without its `testcontainers` feature",
                    ));
                }
                if env.docker.is_none() {
                    return Err(unavailable(
                        ClusterKind::Container,
                        &why,
                        "no Docker engine answered (DOCKER_HOST, /var/run/docker.sock, \
                         ~/.docker/run/docker.sock)",
                    ));
                }
                Plan::Container
            }
            "jvm" | "local-jvm" => {
                if let Some(missing) = missing_tools(env) {
                    return Err(unavailable(ClusterKind::LocalJvm, &why, &missing));
                }
                Plan::LocalJvm
            }
            "stub" => Plan::Stub,
            _ => return Err(TestingError::UnknownBackend { value: forced.clone() }),
        };
        return Ok(Decision { plan, why });
    }

    if let Some(bootstrap) = &env.bootstrap {
        let why = format!("{BOOTSTRAP_VAR} is set");
        return Ok(Decision { plan: Plan::External(bootstrap.clone()), why });
    }
    let why = format!("no {BOOTSTRAP_VAR}; {BACKEND_VAR}=jvm or container starts a real broker");
    Ok(Decision { plan: Plan::Stub, why })
}

/// The pick order of a secured cluster ([`TestCluster::secured`](super::TestCluster::secured)):
/// `KAFKA_TEST_BACKEND` if set (`external` needs a security file; the container is not
/// secured), else the secured cluster of `KAFKA_SECURITY_FILE` (or `KAFKA_CLIENT_PROPERTIES`),
/// else the secured stub; the shared secured local JVM only when asked for. Plans only
/// [`Plan::SecuredExternal`], [`Plan::LocalJvm`] and [`Plan::Stub`] (meaning the secured ones).
pub(crate) fn decide_secured(env: &Environment) -> Result<Decision, TestingError> {
    let external = |why: String| match &env.security_file {
        Some(file) => Ok(Decision { plan: Plan::SecuredExternal(file.clone()), why }),
        None => Err(TestingError::NoSecurityFile),
    };
    if let Some(forced) = &env.forced {
        let why = format!("{BACKEND_VAR}={forced}");
        return match forced.trim().to_ascii_lowercase().as_str() {
            "external" => external(why),
            "jvm" | "local-jvm" => match missing_tools(env) {
                Some(missing) => Err(unavailable(ClusterKind::LocalJvm, &why, &missing)),
                None => Ok(Decision { plan: Plan::LocalJvm, why }),
            },
            "stub" => Ok(Decision { plan: Plan::Stub, why }),
            "container" | "docker" => {
                Err(unavailable(ClusterKind::Container, &why, "the container backend is not secured"))
            }
            _ => Err(TestingError::UnknownBackend { value: forced.clone() }),
        };
    }
    if let Some(file) = &env.security_file {
        return external(format!("security file {}", file.display()));
    }
    let why = format!(
        "no {SECURITY_FILE_VAR} or {CLIENT_PROPERTIES_VAR}: the secured stub ({BACKEND_VAR}=jvm starts a secured JVM broker)"
    );
    Ok(Decision { plan: Plan::Stub, why })
}

fn unavailable(backend: ClusterKind, why: &str, reason: &str) -> TestingError {
    TestingError::Unavailable { backend, reason: format!("{why}, but {reason}") }
}

/// `None` if both `java` and `mvn` are there, else which are not.
fn missing_tools(env: &Environment) -> Option<String> {
    match (env.java, env.mvn) {
        (true, true) => None,
        (false, true) => Some("no `java` on PATH".into()),
        (true, false) => Some("no `mvn` on PATH".into()),
        (false, false) => Some("no `java` or `mvn` on PATH".into()),
    }
}

impl Environment {
    /// Describes this process's environment. Blocks for at most about half a second (a TCP
    /// `DOCKER_HOST` that does not answer); reads environment variables, `PATH` and sockets only.
    pub(crate) fn detect() -> Environment {
        let var = |name: &str| std::env::var(name).ok().filter(|value| !value.trim().is_empty());
        let java_home = std::env::var_os("JAVA_HOME")
            .map(|home| Path::new(&home).join("bin").join("java"))
            .is_some_and(|java| java.is_file());
        Environment {
            forced: var(BACKEND_VAR),
            bootstrap: var(BOOTSTRAP_VAR),
            docker: docker_endpoint(),
            container_support: cfg!(feature = "testcontainers"),
            java: java_home || on_path("java"),
            mvn: on_path("mvn"),
            security_file: security_file(var(SECURITY_FILE_VAR), var(CLIENT_PROPERTIES_VAR)),
        }
    }
}

/// `KAFKA_SECURITY_FILE` as given, else `security.json` two directories above the client
/// properties file, if it exists.
fn security_file(given: Option<String>, client_properties: Option<String>) -> Option<PathBuf> {
    if let Some(file) = given {
        return Some(PathBuf::from(file));
    }
    let properties = PathBuf::from(client_properties?);
    let file = properties.parent()?.parent()?.join("security.json");
    file.is_file().then_some(file)
}

/// Whether `program` is an executable in a directory of `PATH`.
fn on_path(program: &str) -> bool {
    which::which(program).is_ok()
}

/// The Docker engine endpoint that answers, looked for where `testcontainers` looks: `DOCKER_HOST`,
/// then `/var/run/docker.sock`, then the rootless and Docker Desktop sockets.
fn docker_endpoint() -> Option<String> {
    if let Some(host) = std::env::var("DOCKER_HOST").ok().filter(|host| !host.is_empty()) {
        return docker_host_answers(&host).then_some(host);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from);
    let candidates = [
        Some(PathBuf::from("/var/run/docker.sock")),
        runtime.map(|dir| dir.join(".docker/run/docker.sock")),
        home.as_ref().map(|dir| dir.join(".docker/run/docker.sock")),
        home.as_ref().map(|dir| dir.join(".docker/desktop/docker.sock")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|socket| UnixStream::connect(socket).is_ok())
        .map(|socket| format!("unix://{}", socket.display()))
}

/// Whether the engine at `DOCKER_HOST` accepts a connection: a Unix socket is connected to, a
/// TCP address too (at most 500 ms); other schemes (`ssh://`, `npipe://`) are taken on trust.
fn docker_host_answers(host: &str) -> bool {
    if let Some(path) = host.strip_prefix("unix://") {
        return UnixStream::connect(path).is_ok();
    }
    let Some(rest) = host.strip_prefix("tcp://").or_else(|| host.strip_prefix("http://")) else {
        return true;
    };
    let authority = rest.split('/').next().unwrap_or(rest);
    let Ok(addrs) = authority.to_socket_addrs() else {
        return false;
    };
    addrs.into_iter().any(|addr| TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_ok())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Nothing at all: no variables, no Docker, no Java.
    fn bare() -> Environment {
        Environment::default()
    }

    /// A developer machine with everything.
    fn everything() -> Environment {
        Environment {
            forced: None,
            bootstrap: Some("10.0.0.1:9092".into()),
            docker: Some("unix:///var/run/docker.sock".into()),
            container_support: true,
            java: true,
            mvn: true,
            security_file: None,
        }
    }

    fn plan(env: &Environment) -> Plan {
        decide(env).unwrap().plan
    }

    #[test]
    fn the_pick_order_is_external_then_stub() {
        let mut env = everything();
        assert_eq!(plan(&env), Plan::External("10.0.0.1:9092".into()));
        env.bootstrap = None;
        assert_eq!(plan(&env), Plan::Stub, "Docker, java and mvn start nothing unasked");
        assert_eq!(plan(&bare()), Plan::Stub);
    }

    #[test]
    fn the_reason_says_how_to_get_a_real_broker() {
        let decision = decide(&bare()).unwrap();
        assert_eq!(
            decision.why,
            "no KAFKA_BOOTSTRAP_SERVERS; KAFKA_TEST_BACKEND=jvm or container starts a real broker"
        );
        assert_eq!(decide(&everything()).unwrap().why, "KAFKA_BOOTSTRAP_SERVERS is set");
    }

    #[test]
    fn a_forced_backend_wins_over_the_order() {
        let force = |value: &str| Environment { forced: Some(value.into()), ..everything() };
        assert_eq!(plan(&force("stub")), Plan::Stub);
        assert_eq!(plan(&force("jvm")), Plan::LocalJvm);
        assert_eq!(plan(&force("JVM")), Plan::LocalJvm);
        assert_eq!(plan(&force("container")), Plan::Container);
        assert_eq!(plan(&force("external")), Plan::External("10.0.0.1:9092".into()));
        assert_eq!(decide(&force("stub")).unwrap().why, "KAFKA_TEST_BACKEND=stub");
    }

    #[test]
    fn a_forced_backend_that_cannot_run_is_an_error_not_a_fallback() {
        let force = |value: &str, env: Environment| Environment { forced: Some(value.into()), ..env };
        let err = decide(&force("external", bare())).unwrap_err();
        assert!(matches!(err, TestingError::NoBootstrapServers), "{err}");
        let err = decide(&force("container", Environment { docker: None, ..everything() }));
        assert!(matches!(err, Err(TestingError::Unavailable { backend: ClusterKind::Container, .. })), "{err:?}");
        let no_feature = Environment { container_support: false, ..everything() };
        let err = decide(&force("container", no_feature)).unwrap_err();
        assert!(err.to_string().contains("`testcontainers` feature"), "{err}");
        let err = decide(&force("jvm", Environment { mvn: false, ..everything() })).unwrap_err();
        assert!(err.to_string().contains("no `mvn` on PATH"), "{err}");
        let err = decide(&force("kafka", everything())).unwrap_err();
        assert!(matches!(err, TestingError::UnknownBackend { .. }), "{err}");
    }

    #[test]
    fn a_secured_cluster_is_external_with_a_security_file_else_the_secured_stub() {
        let file = PathBuf::from("/k/security/security.json");
        let with_file = Environment { security_file: Some(file.clone()), ..everything() };
        assert_eq!(decide_secured(&with_file).unwrap().plan, Plan::SecuredExternal(file.clone()));
        assert_eq!(decide_secured(&everything()).unwrap().plan, Plan::Stub, "java and mvn start nothing unasked");
        assert_eq!(decide_secured(&bare()).unwrap().plan, Plan::Stub);
        let force = |value: &str, env: Environment| Environment { forced: Some(value.into()), ..env };
        assert_eq!(decide_secured(&force("jvm", with_file.clone())).unwrap().plan, Plan::LocalJvm);
        assert!(matches!(decide_secured(&force("external", everything())), Err(TestingError::NoSecurityFile)));
        assert_eq!(decide_secured(&force("stub", with_file)).unwrap().plan, Plan::Stub);
    }

    #[test]
    fn the_security_file_is_found_beside_the_client_properties() {
        assert_eq!(security_file(Some("/a/s.json".into()), None), Some(PathBuf::from("/a/s.json")));
        let dir = std::env::temp_dir().join(format!("server-stub-pick-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("security").join("clients")).unwrap();
        let properties = dir.join("security").join("clients").join("admin-ssl.properties");
        let found = || security_file(None, Some(properties.display().to_string()));
        assert_eq!(found(), None, "no security.json yet");
        std::fs::write(dir.join("security").join("security.json"), "{}").unwrap();
        assert_eq!(found(), Some(dir.join("security").join("security.json")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn docker_host_probes() {
        assert!(!docker_host_answers("unix:///nonexistent/docker.sock"));
        assert!(docker_host_answers("ssh://user@host"), "other schemes are taken on trust");
        // A port nothing listens on (bound, then released).
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        assert!(!docker_host_answers(&format!("tcp://127.0.0.1:{port}")));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        assert!(docker_host_answers(&format!("tcp://127.0.0.1:{port}")));
    }

    #[test]
    fn path_lookup_finds_sh_and_not_nonsense() {
        assert!(on_path("sh"));
        assert!(!on_path("no-such-program-for-server-stub"));
    }
}
