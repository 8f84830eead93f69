from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "articles"
ARTIFACTS = ROOT / "test-artifacts"
