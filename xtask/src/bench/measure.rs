//! Running one client process and measuring it from outside: CPU time (user + system, all
//! threads) and peak resident set size, read from `/proc`.
//!
//! Why `/proc` and not `wait4(2)`/`getrusage(RUSAGE_CHILDREN)`: both need `libc` and an
//! `unsafe` call, and the workspace forbids `unsafe_code` (a lint that a crate cannot relax with
//! `allow`). `/proc` gives the same kernel accounting without it, if read at the right moments:
//!
//! - **CPU**: once the child has exited but before it is reaped, it is a zombie whose
//!   `/proc/<pid>/stat` still holds `utime` and `stime` summed over every thread it ever had
//!   (the kernel folds each exited thread's time into the thread group's). We poll the state
//!   field; when it reads `Z` we take those two fields, then reap with `wait`. Nothing is lost:
//!   the process can no longer run. `cutime`/`cstime` (its own reaped children) are added too.
//! - **Peak RSS**: `VmHWM` of `/proc/<pid>/status`, the kernel's high-water mark of the
//!   resident set, polled every [`POLL`] while the child lives (a zombie has no memory map, so
//!   no `VmHWM`). Being a maximum, the last reading is the peak up to that moment; only growth
//!   in the last [`POLL`] before exit could be missed, and a process shutting down does not grow.
//!
//! The results were checked against GNU `time` (which uses `wait4`) on the same binaries.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// How often `/proc` is read while the child runs.
const POLL: Duration = Duration::from_millis(10);

/// What one run of a client cost.
#[derive(Debug)]
pub struct Measured {
    /// How it exited.
    pub status: ExitStatus,
    /// Everything it printed on stdout.
    pub stdout: String,
    /// Everything it printed on stderr.
    pub stderr: String,
    /// User + system CPU time of the whole process.
    pub cpu: Duration,
    /// Peak resident set size, in KiB.
    pub peak_rss_kib: u64,
    /// Wall time from spawn to exit.
    pub wall: Duration,
}

/// Runs `command` to completion (killing it after `timeout` or when `interrupted` is set),
/// capturing its output, and measures it. Its output is also written to `log`.
pub fn run(command: &mut Command, timeout: Duration, interrupted: &AtomicBool, log: &Path) -> Result<Measured> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {command:?}"))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let pid = child.id();
    let ticks = clock_ticks();

    let mut peak_rss_kib = 0;
    let deadline = started + timeout;
    let cpu = loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .with_context(|| format!("reading /proc/{pid}/stat of a child not yet reaped"))?;
        let fields = StatFields::parse(&stat).with_context(|| format!("parsing /proc/{pid}/stat: {stat}"))?;
        if fields.state == 'Z' || fields.state == 'X' {
            break Duration::from_secs_f64(fields.cpu_ticks() as f64 / ticks as f64);
        }
        if let Some(kib) = vm_hwm_kib(pid) {
            peak_rss_kib = peak_rss_kib.max(kib);
        }
        if interrupted.load(Ordering::SeqCst) || Instant::now() >= deadline {
            kill(&mut child);
            let why = if interrupted.load(Ordering::SeqCst) {
                "interrupted".to_string()
            } else {
                format!("timed out after {timeout:?}")
            };
            let (out, err) = (join(stdout), join(stderr));
            write_log(log, &out, &err);
            bail!("{command:?} {why}; its output is in {}", log.display());
        }
        std::thread::sleep(POLL);
    };
    let status = child.wait().context("reaping a client process")?;
    let wall = started.elapsed();
    let (stdout, stderr) = (join(stdout), join(stderr));
    write_log(log, &stdout, &stderr);
    Ok(Measured { status, stdout, stderr, cpu, peak_rss_kib, wall })
}

/// The fields of `/proc/<pid>/stat` used here.
#[derive(Debug, PartialEq)]
struct StatFields {
    state: char,
    utime: u64,
    stime: u64,
    cutime: u64,
    cstime: u64,
}

impl StatFields {
    fn parse(stat: &str) -> Option<StatFields> {
        // `pid (comm) state ...`: comm may hold spaces and parentheses; it ends at the last ')'.
        let (_, rest) = stat.rsplit_once(')')?;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // `fields[0]` is field 3 (state); utime..cstime are fields 14..17.
        let number = |field: usize| fields.get(field - 3)?.parse::<i64>().ok().map(|v| v.max(0) as u64);
        Some(StatFields {
            state: fields.first()?.chars().next()?,
            utime: number(14)?,
            stime: number(15)?,
            cutime: number(16)?,
            cstime: number(17)?,
        })
    }

    fn cpu_ticks(&self) -> u64 {
        self.utime + self.stime + self.cutime + self.cstime
    }
}

/// `VmHWM` of `/proc/<pid>/status`, in KiB.
fn vm_hwm_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Clock ticks per second of `/proc` times (`getconf CLK_TCK`; 100 on every Linux ABI we run on).
fn clock_ticks() -> u64 {
    static TICKS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|out| String::from_utf8_lossy(&out.stdout).trim().parse().ok())
            .filter(|&t| t > 0)
            .unwrap_or(100)
    })
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn join(handle: JoinHandle<String>) -> String {
    handle.join().unwrap_or_default()
}

fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn write_log(log: &Path, stdout: &str, stderr: &str) {
    if let Some(dir) = log.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(log, format!("--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"));
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn stat_lines_parse_whatever_the_command_name() {
        let stat = "4242 (tokio (rt) x) Z 1 2 3 4 5 6 7 8 9 10 250 30 5 1 20 0 9 0 100 0 0";
        let fields = StatFields::parse(stat).unwrap();
        assert_eq!(fields, StatFields { state: 'Z', utime: 250, stime: 30, cutime: 5, cstime: 1 });
        assert_eq!(fields.cpu_ticks(), 286);
        assert_eq!(StatFields::parse("garbage"), None);
    }

    #[test]
    fn a_child_is_measured() {
        let interrupted = AtomicBool::new(false);
        let log = std::env::temp_dir().join(format!("xtask-measure-{}.log", std::process::id()));
        // A shell loop that burns some CPU, then prints.
        let measured = run(
            Command::new("sh").args(["-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo done"]),
            Duration::from_secs(60),
            &interrupted,
            &log,
        )
        .unwrap();
        let _ = std::fs::remove_file(&log);
        assert!(measured.status.success());
        assert_eq!(measured.stdout.trim(), "done");
        assert!(measured.cpu > Duration::ZERO, "{measured:?}");
        assert!(measured.cpu <= measured.wall + Duration::from_millis(20), "{measured:?}");
        assert!(measured.peak_rss_kib > 0, "{measured:?}");
    }
}
