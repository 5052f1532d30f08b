//! Byte-level decoding: decompression by magic number, and lenient UTF-8.

use std::io::{self, BufRead, BufReader, Read};

/// Size of the read buffers: large blocks keep system calls rare.
pub(crate) const BUF_SIZE: usize = 1 << 20;

/// Smallest read buffer, for the smallest files.
const MIN_BUF_SIZE: usize = 8 << 10;

/// How much larger than its stored size a compressed file's decompression
/// buffer may be.
const DECOMPRESSED_RATIO: usize = 16;

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Wraps `reader` in a decompressor when its first bytes are a gzip or zstd
/// magic number, whatever the file is called: a `.txt` that is really gzip
/// reads correctly, and a plain `.gz` gets a clear error.
///
/// `size` is the input's size as stored, when known. A small file gets a
/// buffer to match: a buffer is zeroed in full when it is first filled, and
/// a directory of small articles would otherwise zero a megabyte each.
pub(crate) fn decompressing(reader: Box<dyn Read + Send>, size: Option<u64>) -> io::Result<Box<dyn BufRead + Send>> {
    let capacity = size.map_or(BUF_SIZE, |size| {
        usize::try_from(size).map_or(BUF_SIZE, |size| size.clamp(MIN_BUF_SIZE, BUF_SIZE))
    });
    let decompressed = capacity.saturating_mul(DECOMPRESSED_RATIO).min(BUF_SIZE);
    let mut buffered = BufReader::with_capacity(capacity, reader);
    let head = buffered.fill_buf()?;
    if head.starts_with(GZIP_MAGIC) {
        let decoder = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(decompressed, decoder)))
    } else if head.starts_with(ZSTD_MAGIC) {
        let decoder = zstd::stream::read::Decoder::with_buffer(buffered)?;
        Ok(Box::new(BufReader::with_capacity(decompressed, decoder)))
    } else {
        Ok(Box::new(buffered))
    }
}

/// Decodes `bytes` as UTF-8, replacing invalid sequences with U+FFFD. When
/// anything was replaced, returns a warning naming the first bad byte.
pub(crate) fn lossy_utf8(bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let warning = format!(
                "invalid UTF-8 (first bad byte 0x{:02X} at byte offset {at}); invalid sequences replaced with U+FFFD",
                bytes[at]
            );
            (text, Some(warning))
        }
    }
}

/// A line read by [`read_line`].
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The line's bytes, without the line break.
    Bytes(Vec<u8>),
    /// A line longer than the limit; it was skipped.
    TooLong,
}

/// Reads one line (up to and without `\n`) of at most `limit` bytes, or
/// `Ok(None)` at end of input.
///
/// A line inside the reader's buffer, as nearly all are, is copied from it
/// once, into a vector of exactly its size. A line that runs across the end
/// of the buffer is gathered in `scratch`, which is kept from call to call
/// while it stays small, and let go once a long line has made it large.
pub(crate) fn read_line(reader: &mut dyn BufRead, scratch: &mut Vec<u8>, limit: usize) -> io::Result<Option<Line>> {
    scratch.clear();
    // Whether part of the line was consumed already, into `scratch`.
    let mut started = false;
    let mut fits = true;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            if !started {
                return Ok(None);
            }
            break;
        }
        let end = memchr::memchr(b'\n', chunk);
        if !started && let Some(end) = end {
            let line = if end > limit {
                Line::TooLong
            } else {
                Line::Bytes(chunk[..end].to_vec())
            };
            reader.consume(end + 1);
            return Ok(Some(line));
        }
        started = true;
        let take = end.unwrap_or(chunk.len());
        if fits {
            if take > limit.saturating_sub(scratch.len()) {
                fits = false;
            } else {
                scratch.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(end.map_or(take, |end| end + 1));
        if end.is_some() {
            break;
        }
    }
    let line = if !fits {
        Line::TooLong
    } else if scratch.capacity() > BUF_SIZE {
        // Longer than the buffer, which is rare: hand the memory over rather
        // than copy it.
        Line::Bytes(std::mem::take(scratch))
    } else {
        Line::Bytes(scratch.to_vec())
    };
    if scratch.capacity() > BUF_SIZE {
        // Keep no more than a buffer's worth for the rest of the run.
        *scratch = Vec::new();
    }
    Ok(Some(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_utf8_warns_once_with_offset() {
        let (s, w) = lossy_utf8(b"caf\xe9 ok".to_vec());
        assert_eq!(s, "caf\u{fffd} ok");
        let w = w.unwrap();
        assert!(w.contains("0xE9") && w.contains("offset 3"), "{w}");
        assert_eq!(lossy_utf8(b"fine".to_vec()), ("fine".to_string(), None));
    }

    #[test]
    fn line_reader_limits_and_skips() {
        let data = b"short\nthis one is long\n\nlast-no-newline";
        // Every buffer size, so that lines also run across buffer ends.
        for capacity in 1..=data.len() + 1 {
            let mut r = std::io::BufReader::with_capacity(capacity, &data[..]);
            let mut scratch = Vec::new();
            let mut got = Vec::new();
            while let Some(line) = read_line(&mut r, &mut scratch, 8).unwrap() {
                got.push(line);
            }
            let bytes = |s: &str| Line::Bytes(s.as_bytes().to_vec());
            assert_eq!(
                got,
                vec![bytes("short"), Line::TooLong, bytes(""), Line::TooLong],
                "{capacity}"
            );
            for line in got {
                if let Line::Bytes(bytes) = line {
                    assert_eq!(bytes.capacity(), bytes.len(), "{capacity}");
                }
            }
        }
    }

    #[test]
    fn line_reader_keeps_no_large_scratch() {
        let long = vec![b'x'; BUF_SIZE + 10];
        let data = [&long[..], b"\n{}\n"].concat();
        let mut r = std::io::BufReader::with_capacity(4096, &data[..]);
        let mut scratch = Vec::new();
        assert_eq!(
            read_line(&mut r, &mut scratch, usize::MAX).unwrap(),
            Some(Line::Bytes(long))
        );
        assert!(scratch.capacity() <= BUF_SIZE);
        assert_eq!(
            read_line(&mut r, &mut scratch, usize::MAX).unwrap(),
            Some(Line::Bytes(b"{}".to_vec()))
        );
        assert_eq!(read_line(&mut r, &mut scratch, usize::MAX).unwrap(), None);
    }

    #[test]
    fn line_reader_retries_interrupted_reads() {
        struct Flaky<'a>(&'a [u8], bool);
        impl std::io::Read for Flaky<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.1 = !self.1;
                if self.1 {
                    return Err(std::io::ErrorKind::Interrupted.into());
                }
                let n = buf.len().min(3);
                self.0.read(&mut buf[..n])
            }
        }
        let mut r = std::io::BufReader::new(Flaky(b"abcdefg\nhi", false));
        let mut scratch = Vec::new();
        let mut got = Vec::new();
        while let Some(line) = read_line(&mut r, &mut scratch, 100).unwrap() {
            got.push(line);
        }
        assert_eq!(got, vec![Line::Bytes(b"abcdefg".to_vec()), Line::Bytes(b"hi".to_vec())]);
    }

    #[test]
    fn gzip_and_zstd_are_sniffed() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"hello gzip").unwrap();
        let gz = gz.finish().unwrap();
        let zs = zstd::encode_all(&b"hello zstd"[..], 1).unwrap();
        for (bytes, want) in [(gz, "hello gzip"), (zs, "hello zstd"), (b"plain".to_vec(), "plain")] {
            for size in [None, Some(0), Some(bytes.len() as u64), Some(u64::MAX)] {
                let mut r = decompressing(Box::new(std::io::Cursor::new(bytes.clone())), size).unwrap();
                let mut s = String::new();
                r.read_to_string(&mut s).unwrap();
                assert_eq!(s, want);
            }
        }
    }
}
