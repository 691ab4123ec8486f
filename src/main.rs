//! The `sfo-lint` command: a lint gate for SFO reviews.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
