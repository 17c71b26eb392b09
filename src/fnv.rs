//! FNV-1a: a tiny, stable hash (std's hasher may change between releases,
//! and is several times slower on the short words extraction looks up).

/// The hash of no bytes.
pub(crate) const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// `hash` with `bytes` hashed in.
pub(crate) fn extend(hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(hash, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// [`extend`] as a [`std::hash::Hasher`], for the word sets and caches
/// extraction looks words up in millions of times. The keys come from the
/// text itself, so there is no hash-flooding concern a keyed hash would
/// answer.
#[derive(Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(OFFSET)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = extend(self.0, bytes.iter().copied());
    }
}

/// Hash maps and sets keyed by words, hashed with [`WordHasher`].
pub(crate) type WordBuild = std::hash::BuildHasherDefault<WordHasher>;
