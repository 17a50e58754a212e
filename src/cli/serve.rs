//! `concord serve FILE`: a live round from the terminal. Prints the address, a QR code of
//! it and the join code; reads the teacher's commands (lock, unlock, reveal, hide, status,
//! close) a line at a time; on close (or the end of input) saves the scenario with every
//! student's answers as readings to a new file, never over an existing one unless told.

use std::io::{BufRead, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use super::{print_load_error, EXIT_FAILURE, EXIT_OK, EXIT_USAGE};
use crate::io::{load_path, save_path};
use crate::live::{Limits, LiveServer, Settings};

/// Options of `concord serve`.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The address to serve on; `None`: the first network's (not the loopback).
    pub ip: Option<IpAddr>,
    /// The port (0: one the system picks).
    pub port: u16,
    /// Seats, names, scores.
    pub settings: Settings,
    /// Where to save the round; by default `<file>-round-<code>.ron` beside the file.
    pub output: Option<PathBuf>,
    /// Replace `output` if it exists.
    pub force: bool,
}

/// Runs `concord serve`: serves until `close` or the end of `input`.
pub fn run(
    file: &Path,
    o: &ServeOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let scenario = match load_path(file) {
        Ok(s) => s,
        Err(e) => {
            print_load_error(&e, err);
            return EXIT_FAILURE;
        }
    };
    if let Some(path) = &o.output {
        if path.exists() && !o.force {
            let _ = writeln!(
                err,
                "{}: exists; give another name, or --force to replace it",
                path.display()
            );
            return EXIT_USAGE;
        }
    }
    // One address, never all of them: the one given, or the first network's (the list says
    // which, and how to pick another).
    let ip = match o.ip {
        Some(ip) => ip,
        None => {
            let found = crate::live::net::interfaces();
            let _ = writeln!(out, "Networks of this computer:");
            for it in &found {
                let _ = writeln!(out, "  {}", it.label());
            }
            let first = found.first().map_or(IpAddr::from([127, 0, 0, 1]), |i| i.ip);
            let _ = writeln!(
                out,
                "Serving on {first} (--addr IP to choose another: the Wi-Fi the phones use)."
            );
            first
        }
    };
    let addr = SocketAddr::new(ip, o.port);
    let mut server = match LiveServer::start(
        scenario.clone(),
        o.settings.clone(),
        addr,
        Limits::default(),
        || {},
    ) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_FAILURE;
        }
    };
    let address = format!("http://{}/", server.addr());
    let code = server.room().code.clone();
    if let Ok(qr) = qrcode::QrCode::new(address.as_bytes()) {
        let text = qr
            .render::<qrcode::render::unicode::Dense1x2>()
            .quiet_zone(true)
            .build();
        let _ = writeln!(out, "{text}");
    }
    let _ = writeln!(out, "Live round: students open {address}");
    let _ = writeln!(out, "Join code: {code}");
    let _ = writeln!(
        out,
        "Type lock, unlock, reveal, hide or status, then Enter; close (or Ctrl+D) ends the round."
    );
    let _ = out.flush();
    let mut line = String::new();
    loop {
        line.clear();
        let read = input.read_line(&mut line).unwrap_or(0);
        let word = line.trim().to_lowercase();
        if read == 0 || word == "close" || word == "quit" {
            break;
        }
        let said = {
            let mut room = server.room();
            match word.as_str() {
                "lock" => {
                    room.locked = true;
                    "The room is locked: no one new can join.".to_owned()
                }
                "unlock" => {
                    room.locked = false;
                    "The room is open again.".to_owned()
                }
                "reveal" => {
                    room.revealed = true;
                    "The students' pages show the class's results.".to_owned()
                }
                "hide" => {
                    room.revealed = false;
                    "The results are hidden again.".to_owned()
                }
                "status" | "" => {
                    let (joined, sent) = room.counts();
                    format!("{joined} joined, {sent} sent their answers.")
                }
                other => format!(
                    "Not a command: {other}. Type lock, unlock, reveal, hide, status or close."
                ),
            }
        };
        let _ = writeln!(out, "{said}");
        let _ = out.flush();
    }
    let readings = {
        let mut room = server.room();
        room.closed = true;
        room.readings(&scenario)
    };
    server.stop();
    let added = readings.len();
    if added == 0 {
        // A round no one answered would be a copy of the lesson: nothing to keep.
        let _ = writeln!(
            out,
            "The round ended: no one sent answers, nothing was saved."
        );
        return EXIT_OK;
    }
    let mut round = scenario;
    round.perspectives.extend(readings);
    let path = o.output.clone().unwrap_or_else(|| {
        let stem = file
            .file_stem()
            .map_or_else(|| "round".to_owned(), |s| s.to_string_lossy().into_owned());
        file.with_file_name(format!("{stem}-round-{code}.ron"))
    });
    if o.output.is_none() && path.exists() {
        let _ = writeln!(err, "{}: exists; nothing was overwritten", path.display());
        return EXIT_FAILURE;
    }
    if let Err(e) = save_path(&round, &path) {
        let _ = writeln!(err, "{}: {e}", path.display());
        return EXIT_FAILURE;
    }
    let _ = writeln!(
        out,
        "The round ended: {added} student reading{} saved to {}",
        if added == 1 { "" } else { "s" },
        path.display()
    );
    EXIT_OK
}
