//! The library's error type.
//!
//! [`Error`] is deliberately opaque: callers print it, or ask the few questions
//! a program may need to act on (was it I/O? which file?). Its `Display` names
//! the file, line and value at fault wherever they are known, so a message is
//! useful on its own.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from building a [`Pipeline`](crate::Pipeline), loading a gazetteer,
/// reading input or writing output.
#[derive(Debug)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug)]
enum Inner {
    Io {
        path: Option<PathBuf>,
        action: &'static str,
        source: std::io::Error,
    },
    /// A data file with a fault at a known line (gazetteers, cue lists, gold).
    #[allow(dead_code)]
    Data {
        path: String,
        line: Option<usize>,
        message: String,
    },
    /// Anything else: invalid configuration or arguments.
    Other(String),
}

impl Error {
    /// An I/O error while doing `action` ("reading", "writing", ...) on `path`.
    pub(crate) fn io(action: &'static str, path: Option<&Path>, source: std::io::Error) -> Error {
        Error {
            inner: Box::new(Inner::Io {
                path: path.map(Path::to_path_buf),
                action,
                source,
            }),
        }
    }

    /// A fault in a data file, at `line` (1-based) when known.
    #[allow(dead_code)] // used by the gazetteer loader
    pub(crate) fn data(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Error {
        Error {
            inner: Box::new(Inner::Data {
                path: path.into(),
                line,
                message: message.into(),
            }),
        }
    }

    /// Any other error, with a message that stands on its own.
    pub(crate) fn msg(message: impl Into<String>) -> Error {
        Error {
            inner: Box::new(Inner::Other(message.into())),
        }
    }

    /// The underlying I/O error, when this error is one.
    pub fn io_error(&self) -> Option<&std::io::Error> {
        match &*self.inner {
            Inner::Io { source, .. } => Some(source),
            _ => None,
        }
    }

    /// True when the error is a write to a closed pipe (`whosaid ... | head`),
    /// which a command-line program should treat as a quiet end, not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        self.io_error()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.inner {
            Inner::Io {
                path: Some(path),
                action,
                source,
            } => write!(f, "{action} {}: {source}", path.display()),
            Inner::Io {
                path: None,
                action,
                source,
            } => write!(f, "{action}: {source}"),
            Inner::Data {
                path,
                line: Some(line),
                message,
            } => write!(f, "{path}:{line}: {message}"),
            Inner::Data {
                path,
                line: None,
                message,
            } => write!(f, "{path}: {message}"),
            Inner::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.inner {
            Inner::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The library's `Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
