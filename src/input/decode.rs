//! Byte-level decoding: decompression by magic number, and lenient UTF-8.

use std::io::{self, BufRead, BufReader, Read};

/// Size of the read buffers: large blocks keep system calls rare.
pub(crate) const BUF_SIZE: usize = 1 << 20;

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Wraps `reader` in a decompressor when its first bytes are a gzip or zstd
/// magic number, whatever the file is called: a `.txt` that is really gzip
/// reads correctly, and a plain `.gz` gets a clear error.
pub(crate) fn decompressing(reader: Box<dyn Read + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    let mut buffered = BufReader::with_capacity(BUF_SIZE, reader);
    let head = buffered.fill_buf()?;
    if head.starts_with(GZIP_MAGIC) {
        let decoder = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, decoder)))
    } else if head.starts_with(ZSTD_MAGIC) {
        let decoder = zstd::stream::read::Decoder::with_buffer(buffered)?;
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, decoder)))
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

/// Reads one line (up to and without `\n`) into `buf`, reading at most
/// `limit` bytes of it. Returns `Ok(None)` at end of input,
/// `Ok(Some(true))` for a whole line, and `Ok(Some(false))` when the line was
/// longer than `limit`: its remainder is skipped and `buf` holds its start.
pub(crate) fn read_line_limited(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Option<bool>> {
    buf.clear();
    let mut any = false;
    let mut fits = true;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if fits {
            let room = limit.saturating_sub(buf.len());
            if take > room {
                buf.extend_from_slice(&chunk[..room]);
                fits = false;
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(if done { take + 1 } else { take });
        if done {
            return Ok(Some(fits));
        }
    }
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
        let mut r: &[u8] = data;
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(fits) = read_line_limited(&mut r, &mut buf, 8).unwrap() {
            got.push((String::from_utf8(buf.clone()).unwrap(), fits));
        }
        assert_eq!(
            got,
            vec![
                ("short".to_string(), true),
                ("this one".to_string(), false),
                ("".to_string(), true),
                ("last-no-".to_string(), false),
            ]
        );
    }

    #[test]
    fn gzip_and_zstd_are_sniffed() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"hello gzip").unwrap();
        let gz = gz.finish().unwrap();
        let zs = zstd::encode_all(&b"hello zstd"[..], 1).unwrap();
        for (bytes, want) in [(gz, "hello gzip"), (zs, "hello zstd"), (b"plain".to_vec(), "plain")] {
            let mut r = decompressing(Box::new(std::io::Cursor::new(bytes))).unwrap();
            let mut s = String::new();
            r.read_to_string(&mut s).unwrap();
            assert_eq!(s, want);
        }
    }
}
