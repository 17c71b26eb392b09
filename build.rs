//! Builds the automaton that finds date candidates ahead of time.
//!
//! The date forms make one large pattern; compiling it when the program
//! starts took longer than checking five articles. Here it is determinised
//! once, into a dense DFA (forward, to find where a date ends and which
//! form it is; reverse, to find where it starts), and the program loads
//! the bytes without compiling anything.

#[allow(dead_code)]
#[path = "src/extract/date/forms.rs"]
mod forms;

use std::path::PathBuf;

use regex_automata::dfa::{dense, regex::Builder};
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/extract/date/forms.rs");
    let finder = Builder::new()
        // The same settings as the date forms compiled at run time: ASCII
        // case folding, Unicode only where a form asks for it.
        .syntax(syntax::Config::new().unicode(false))
        .thompson(thompson::Config::new().nfa_size_limit(None))
        // Minimised: it takes the build 3.6 s more, and halves the forward
        // DFA (8.7 MB to 4.7 MB, the reverse 3.8 to 3.0). A long text's
        // scan touches pages all over the table, and each one it touches
        // stays resident: a 10 MB extract peaked 2 MB lower.
        .dense(
            dense::Config::new()
                .minimize(true)
                .dfa_size_limit(None)
                .determinize_size_limit(None),
        )
        .build_many(&forms::forms())
        .expect("the date forms build a DFA");
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, dfa) in [("forward", finder.forward()), ("reverse", finder.reverse())] {
        let (bytes, padding) = if big_endian {
            dfa.to_bytes_big_endian()
        } else {
            dfa.to_bytes_little_endian()
        };
        std::fs::write(out.join(format!("dates.{name}.dfa")), &bytes[padding..])
            .expect("OUT_DIR is writable");
    }
}
