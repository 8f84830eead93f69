"""What every fuzz test of the article readers asserts about one file."""

from pathlib import Path

from index.articles import Article, ArticleError, Skipped, parse_file


def parsed_or_explained(path: Path, max_bytes: int) -> list[Article]:
    """The file's articles, each with text and an id; a file refused whole says why."""
    try:
        items = list(parse_file(path, path.name, max_bytes=max_bytes))
    except ArticleError as exc:
        assert str(exc)
        return []
    for item in items:
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Article):
            assert item.text.strip() and item.article_id
    return [i for i in items if isinstance(i, Article)]
