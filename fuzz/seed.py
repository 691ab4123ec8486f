#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the repository: review paragraphs, configurations,
the test .docx, and a few server messages. Run from anywhere; the corpus is not committed."""
import json, pathlib, re, shutil

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"


def put(target, name, data):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


# lint: the example review, eval paragraphs and every rule's examples.
put("lint", "review.txt", (root / "examples" / "review.txt").read_text())
dev = pathlib.Path("/work/shared/eval/dev.jsonl")
if dev.exists():
    for i, line in enumerate(dev.read_text().splitlines()[:60]):
        put("lint", f"dev-{i}.txt", json.loads(line)["text"])
for toml in sorted((root / "rules").glob("*.toml")):
    put("lint", f"rule-{toml.stem}.txt", toml.read_text())
    put("config", f"rule-{toml.stem}.toml", toml.read_text())

# config: configurations shown in the README and the tests.
for src in [root / "README.md", *sorted((root / "tests").glob("*.rs"))]:
    for i, block in enumerate(re.findall(r"```toml\n(.*?)```", src.read_text(), re.S)):
        put("config", f"{src.stem}-{i}.toml", block)
put("config", "levels.toml", '[rules]\noffender-term = "error"\npassive-voice = "off"\n')

# docx: the web test's document.
shutil.copy(root / "web" / "test" / "fixtures" / "review.docx", (corpus / "docx").mkdir(parents=True, exist_ok=True) or corpus / "docx" / "review.docx")

# lsp_messages: mode 1 bodies separated by 0xFF; mode 2 edits.
hover = {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": "untitled:review"}, "position": {"line": 0, "character": 14}}}
change = {"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": "untitled:review", "version": 2},
                     "contentChanges": [{"range": {"start": {"line": 0, "character": 13}, "end": {"line": 0, "character": 15}}, "text": "x"}]}}
put("lsp_messages", "bodies", b"\x01" + b"\xff".join(json.dumps(m).encode() for m in [change, hover]))
put("lsp_messages", "edits", bytes([2, 0, 13, 0, 15, 2, 0, 1, 1, 0, 1, 0, 1, 3, 3, 1, 1, 1, 1]))
put("lsp_messages", "raw", b"\x00Content-Length: 9999\r\n\r\n{}")
