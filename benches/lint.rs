//! Throughput of the whole in-process lint (parse + every rule) on review-like text of
//! growing size: the figures in the README come from here. Linear work shows as the same
//! throughput (bytes per second) at every size.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sfo_lint::{Format, Linter};

/// The shipped example review repeated (with its paragraphs in turn) to about `words` words.
pub fn review_text(words: usize) -> String {
    let review = include_str!("../examples/review.txt");
    let mut out = String::new();
    let mut count = 0;
    // Counting each paragraph once keeps the 10 MB input's set-up linear.
    for para in review.split("\n\n").cycle() {
        if count >= words {
            break;
        }
        out.push_str(para);
        out.push_str("\n\n");
        count += para.split_whitespace().count();
    }
    out
}

fn bench(c: &mut Criterion) {
    let linter = Linter::default();
    let mut group = c.benchmark_group("lint");
    for words in [1_000, 12_000, 100_000] {
        let text = review_text(words);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group
            .bench_with_input(BenchmarkId::new("words", words), &text, |b, t| b.iter(|| linter.lint(t, Format::Plain)));
    }
    // 10 MB of review text: the same throughput as the 12,000-word review shows linear work.
    let big = review_text(1_600_000);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_with_input(BenchmarkId::new("bytes", big.len()), &big, |b, t| b.iter(|| linter.lint(t, Format::Plain)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
