//! The JVMs: starting them detached, pid files, finding out whether a pid is still ours, signals.
//!
//! Nothing here kills by name: a pid is signalled only after `/proc/<pid>/cmdline` shows it is a
//! `java` running `kafka.Kafka` with the node's own `server.properties`.

use std::fs::{File, OpenOptions};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::error::{io_error, JvmError};

/// Starts `argv` (`java ...`) in a session of its own (`setsid`: no controlling terminal, not in
/// our process group, so neither Ctrl-C nor our exit reaches it), stdin from `/dev/null` and
/// stdout+stderr appended to `output`, in directory `dir`.
///
/// `setsid` calls `setsid(2)` and execs in place (we are never a process group leader's copy),
/// so the child's pid is the JVM's.
pub(crate) fn spawn_detached(argv: &[String], dir: &Path, output: &Path) -> Result<Child, JvmError> {
    let log = OpenOptions::new().create(true).append(true).open(output).map_err(io_error("opening", output))?;
    let log_err = log.try_clone().map_err(io_error("opening", output))?;
    Command::new("setsid")
        .args(argv)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::from(log))
        .stderr(Stdio::from(log_err))
        .spawn()
        .map_err(|source| JvmError::ToolMissing { program: "setsid", source })
}

/// Reads a pid file; `None` if absent or unreadable.
pub(crate) fn read_pid(path: &Path) -> Option<u32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Writes a pid file.
pub(crate) fn write_pid(path: &Path, pid: u32) -> Result<(), JvmError> {
    std::fs::write(path, format!("{pid}\n")).map_err(io_error("writing", path))
}

/// Whether `pid` is alive (not a zombie) and is a `java` running `kafka.Kafka <config>`.
pub(crate) fn is_ours(pid: u32, config: &Path) -> bool {
    if !is_alive(pid) {
        return false;
    }
    let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
        return false;
    };
    let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
    let is_java = args.first().is_some_and(|arg0| arg0 == b"java" || arg0.ends_with(b"/java"));
    let config = config.as_os_str().as_encoded_bytes();
    is_java && args.contains(&b"kafka.Kafka".as_slice()) && args.contains(&config)
}

/// Whether `pid` exists and is not a zombie.
pub fn is_alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the parenthesised command name, which may itself hold spaces.
        Ok(stat) => stat.rsplit_once(')').is_some_and(|(_, rest)| !rest.trim_start().starts_with(['Z', 'X'])),
        Err(_) => false,
    }
}

/// When `pid` started, in clock ticks after boot (field 22 of `/proc/<pid>/stat`): with the pid,
/// it names a process unambiguously even after the pid is reused.
pub fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    // `rest` starts at field 3 (state); field 22 is the 20th after it.
    rest.split_whitespace().nth(19)?.parse().ok()
}

/// Resident set size of `pid`, in KiB.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Sends `signal` (`TERM`, `KILL`) to `pid` with `kill(1)`.
pub(crate) fn signal(pid: u32, signal: &'static str) -> Result<(), JvmError> {
    let status = Command::new("kill")
        .args(["-s", signal, &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .map_err(|source| JvmError::ToolMissing { program: "kill", source })?;
    if !status.success() && is_alive(pid) {
        return Err(JvmError::Signal { pid, signal });
    }
    Ok(())
}

/// Waits until none of `pids` is alive or `timeout` passes; returns those still alive. `reap` is
/// called on every round so that a caller who is the parent can collect its zombies.
pub(crate) fn wait_gone(pids: &[u32], timeout: Duration, mut reap: impl FnMut()) -> Vec<u32> {
    let deadline = Instant::now() + timeout;
    loop {
        reap();
        let alive: Vec<u32> = pids.iter().copied().filter(|&pid| is_alive(pid)).collect();
        if alive.is_empty() || Instant::now() >= deadline {
            return alive;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits for `child` at most `timeout`; kills it if it is still running then. `None` on time-out.
pub(crate) fn wait_bounded(child: &mut Child, timeout: Duration) -> std::io::Result<Option<std::process::ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Size of a file, 0 if absent: where to start looking for a fresh start's log lines.
pub(crate) fn file_len(path: &Path) -> u64 {
    File::open(path).and_then(|f| f.metadata()).map_or(0, |m| m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_with_a_start_time_but_is_not_kafka() {
        let me = std::process::id();
        assert!(is_alive(me));
        assert!(start_time(me).is_some());
        assert!(!is_ours(me, Path::new("/nonexistent/server.properties")));
        assert!(rss_kib(me).is_some_and(|kib| kib > 0));
    }
}
