//! A long text scanned in pieces on several threads, with the result of
//! one scan from its start.
//!
//! A scan that moves through the text from a position (find the next
//! candidate at or after it, read it, go on from its end) depends on where
//! it is only through that position. So a piece may be scanned from its
//! own start, on its own thread, as long as the scan of the text before it
//! would have arrived there: it does unless a candidate read before the
//! piece ran past the piece's start. Then that piece is scanned again from
//! where the candidate ended, and so on for the next. Pieces start at
//! paragraph breaks, across which almost nothing runs, so a rescan is
//! rare, and the result is the same for any number of threads.

use rayon::prelude::*;

/// Texts shorter than two pieces are scanned in one.
pub(crate) const PIECE_BYTES: usize = 256 * 1024;

/// Where the pieces of `text` start, the first at 0: each just after the
/// first paragraph break in the `piece_bytes` after a multiple of
/// `piece_bytes`, else after the first line break from there on. Never
/// inside a line: a scan may then stop looking on the line its piece's
/// end is on (see `date::search_limit`), and a text of one long line is
/// one piece. Each byte is looked at a bounded number of times.
pub(crate) fn starts(text: &str, piece_bytes: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut from = piece_bytes;
    while from < text.len() {
        let rest = &bytes[from..];
        let near = &rest[..rest.len().min(piece_bytes)];
        let after = memchr::memmem::find(near, b"\n\n")
            .map(|i| i + 2)
            .or_else(|| memchr::memchr(b'\n', rest).map(|i| i + 1));
        let Some(after) = after else {
            break;
        };
        let start = from + after;
        if start >= text.len() {
            break;
        }
        starts.push(start);
        from = start + piece_bytes;
    }
    starts
}

/// Cuts for a scan none of whose matches can hold `byte` (the anchors and
/// `.`): each piece between two is then scanned on its own, with no
/// rescan, unlike [`scan`]'s. 0, the offset just past the first `byte` at
/// or after each multiple of `piece_bytes` (one piece for a text under
/// two), and the text's end.
pub(crate) fn cuts_after(text: &str, byte: u8, piece_bytes: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    if text.len() >= 2 * piece_bytes.max(1) {
        let mut from = piece_bytes.max(1);
        while let Some(i) = text
            .as_bytes()
            .get(from..)
            .and_then(|rest| memchr::memchr(byte, rest))
        {
            let cut = from + i + 1;
            if cut >= text.len() {
                break;
            }
            cuts.push(cut);
            from = cut + piece_bytes;
        }
    }
    cuts.push(text.len());
    cuts
}

/// Everything `scan` finds in `text`, in order. `scan(from, stop)` scans
/// from `from` and stops before reading a candidate that starts at or
/// after `stop`; it returns what it read and where the scan would go on
/// from (past `stop` only when its last candidate ran past it).
pub(crate) fn scan<T: Send>(
    text: &str,
    scan: impl Fn(usize, usize) -> (Vec<T>, usize) + Sync,
) -> Vec<T> {
    in_pieces(text, PIECE_BYTES, scan)
}

/// [`scan`], with pieces of `piece_bytes`.
pub(crate) fn in_pieces<T: Send>(
    text: &str,
    piece_bytes: usize,
    scan: impl Fn(usize, usize) -> (Vec<T>, usize) + Sync,
) -> Vec<T> {
    if text.len() < 2 * piece_bytes {
        return scan(0, text.len()).0;
    }
    let mut bounds = starts(text, piece_bytes);
    bounds.push(text.len());
    let pieces: Vec<(Vec<T>, usize)> = bounds
        .par_windows(2)
        .map(|piece| scan(piece[0], piece[1]))
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    for (piece, (read, went_on)) in bounds.windows(2).zip(pieces) {
        if at <= piece[0] {
            found.extend(read);
            at = went_on;
        } else {
            let (read, went_on) = scan(at, piece[1]);
            found.extend(read);
            at = went_on;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy scan: a candidate is a run of 'x', and reading one takes it
    /// and the next three bytes, so candidates run across piece starts.
    fn toy(text: &str, from: usize, stop: usize) -> (Vec<(usize, usize)>, usize) {
        let bytes = text.as_bytes();
        let mut at = from;
        let mut out = Vec::new();
        while at < text.len() {
            let Some(start) = (at..bytes.len()).find(|&i| bytes[i] == b'x') else {
                return (out, text.len());
            };
            if start >= stop {
                return (out, at);
            }
            let end = (start..bytes.len())
                .find(|&i| bytes[i] != b'x')
                .unwrap_or(bytes.len());
            let end = (end + 3).min(bytes.len());
            out.push((start, end));
            at = end;
        }
        (out, at)
    }

    #[test]
    fn pieces_start_after_paragraph_breaks() {
        let text = "aaaa\n\nbbbb\n\ncccc\n\ndddd";
        assert_eq!(starts(text, 4), vec![0, 6, 12, 18]);
        // No paragraph break near: the next line break, however far.
        let lines = "aaaa\nbbbbbbbbbb\ncc";
        assert_eq!(starts(lines, 4), vec![0, 5, 16]);
        // One line is one piece.
        assert_eq!(starts("abcdefghij", 4), vec![0]);
    }

    proptest::proptest! {
        /// Pieces (some as short as a byte) give what one scan gives.
        #[test]
        fn pieces_give_what_one_scan_gives(
            text in "[x\n ab]{0,200}",
            piece in 1usize..20,
        ) {
            let whole = toy(&text, 0, text.len()).0;
            let found = in_pieces(&text, piece, |from, stop| toy(&text, from, stop));
            proptest::prop_assert_eq!(found, whole);
        }
    }
}
