//! Server configuration: command-line flags (`--data-dir`, `--listen-host`,
//! `--http-port`, `--config`) over an optional TOML file with the same keys
//! (`data_dir`, `listen_host`, `http_port`), over the defaults
//! (`./granary-data`, `127.0.0.1`, `8123`). The TOML reader understands the
//! flat `key = value` lines these keys need (strings, integers, comments).

use std::path::PathBuf;

/// What the server needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Data directory (created on start).
    pub data_dir: PathBuf,
    /// Address to listen on.
    pub listen_host: String,
    /// HTTP port; 0 picks a free one (tests).
    pub http_port: u16,
}

impl Default for Config {
    fn default() -> Self {
        Config { data_dir: PathBuf::from("./granary-data"), listen_host: "127.0.0.1".into(), http_port: 8123 }
    }
}

/// The result of reading the command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Run(Config),
    Help,
    Version,
}

/// The `--help` text.
pub const USAGE: &str = "Usage: granary-server [--data-dir PATH] [--listen-host HOST] [--http-port N] [--config FILE]

  --data-dir PATH      where data lives (default ./granary-data, created on start)
  --listen-host HOST   address to listen on (default 127.0.0.1)
  --http-port N        HTTP port (default 8123)
  --config FILE        TOML file with data_dir, listen_host, http_port; flags win
";

/// Reads the command line (without the program name).
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut data_dir = None;
    let mut host = None;
    let mut port = None;
    let mut config_file = None;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline.clone().or_else(|| it.next()).ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--data-dir" => data_dir = Some(value("--data-dir")?),
            "--listen-host" => host = Some(value("--listen-host")?),
            "--http-port" => port = Some(parse_port(&value("--http-port")?)?),
            "--config" => config_file = Some(value("--config")?),
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            other => return Err(format!("unknown argument {other}\n\n{USAGE}")),
        }
    }
    let mut config = Config::default();
    if let Some(path) = config_file {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
        apply_toml(&mut config, &text).map_err(|e| format!("{path}: {e}"))?;
    }
    if let Some(d) = data_dir {
        config.data_dir = PathBuf::from(d);
    }
    if let Some(h) = host {
        config.listen_host = h;
    }
    if let Some(p) = port {
        config.http_port = p;
    }
    Ok(Command::Run(config))
}

fn parse_port(s: &str) -> Result<u16, String> {
    s.trim().parse().map_err(|_| format!("invalid port {s}"))
}

/// Applies the keys of a TOML text to `config`; unknown keys and tables are errors.
pub fn apply_toml(config: &mut Config, text: &str) -> Result<(), String> {
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let (key, value) = line.split_once('=').ok_or_else(|| format!("line {}: expected key = value", n + 1))?;
        let key = key.trim();
        let value = value.trim();
        let string = || -> Result<String, String> {
            let q = value.chars().next().filter(|c| *c == '"' || *c == '\'');
            match q {
                Some(q) if value.len() >= 2 && value.ends_with(q) => Ok(value[1..value.len() - 1].to_string()),
                _ => Err(format!("line {}: {key} must be a quoted string", n + 1)),
            }
        };
        match key {
            "data_dir" => config.data_dir = PathBuf::from(string()?),
            "listen_host" => config.listen_host = string()?,
            "http_port" => config.http_port = parse_port(value).map_err(|e| format!("line {}: {e}", n + 1))?,
            _ => return Err(format!("line {}: unknown key {key}", n + 1)),
        }
    }
    Ok(())
}

/// Drops a `#` comment that is not inside a quoted string.
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') => return &line[..i],
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_and_flags() {
        assert_eq!(parse_args(args(&[])), Ok(Command::Run(Config::default())));
        let Ok(Command::Run(c)) =
            parse_args(args(&["--data-dir", "/tmp/x", "--http-port=9000", "--listen-host", "::"]))
        else {
            panic!("flags")
        };
        assert_eq!(c, Config { data_dir: "/tmp/x".into(), listen_host: "::".into(), http_port: 9000 });
        assert!(parse_args(args(&["--bogus"])).is_err());
        assert!(parse_args(args(&["--http-port", "x"])).is_err());
        assert_eq!(parse_args(args(&["--help"])), Ok(Command::Help));
    }

    #[test]
    fn toml_file() {
        let mut c = Config::default();
        apply_toml(&mut c, "# Granary\ndata_dir = \"/var/g#1\" # comment\nhttp_port = 8124\nlisten_host='0.0.0.0'\n")
            .expect("toml");
        assert_eq!(c, Config { data_dir: "/var/g#1".into(), listen_host: "0.0.0.0".into(), http_port: 8124 });
        assert!(apply_toml(&mut c, "nope = 1").is_err());
        assert!(apply_toml(&mut c, "data_dir = 5").is_err());
    }
}
