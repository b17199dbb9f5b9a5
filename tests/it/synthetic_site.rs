//! The benchmark's synthetic sites stay buildable: `Spec::tiny()` is
//! generated into a temporary folder and built like any site, and its page
//! counts and a ranking table are checked, so `scripts/bench.sh` cannot rot.

use crate::common::{all, build_ok, sel};
use chiso::synthetic::{write_site, Spec};

#[test]
fn the_tiny_synthetic_site_builds() {
    let spec = Spec::tiny();
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &spec).unwrap();
    let built = build_ok(dir.path());

    // One page per unit, ranking table and article, and the paginated list
    // (other pages, such as tags, search and years, are not counted here).
    assert_eq!(pages_under(&built, "don-vi/"), spec.units());
    assert_eq!(pages_under(&built, "xep-hang/"), spec.tables());
    let lists = spec.articles.div_ceil(10);
    assert_eq!(pages_under(&built, "tin-tuc/"), spec.articles + lists);
    assert_eq!(pages_under(&built, "nam/"), spec.years as usize);
    assert!(
        built.report.warnings.is_empty(),
        "{}",
        built.report.warnings
    );

    // A ranking table lists every unit of its group, ranked from 1.
    let page = built.page("xep-hang/2024/ha-noi-so/");
    let ranks = all(&page, "table.ranking tbody td.rank");
    assert_eq!(ranks.len(), spec.units_per_group);
    // Illustrative scores: the ranks made from them are marked as they are.
    assert!(ranks.contains(&"1*".to_owned()), "{ranks:?}");
    let units = page.select(&sel("table.ranking tbody th.unit a")).count();
    assert_eq!(units, spec.units_per_group);

    // Every article is listed and built.
    let list = built.page("tin-tuc/");
    assert_eq!(all(&list, "ul.article-list > li").len(), 10);
    built.page(&format!(
        "tin-tuc/{}/",
        chiso::synthetic::article_slug(spec.articles - 1)
    ));
}

#[test]
fn the_same_spec_writes_the_same_bytes() {
    let spec = Spec::tiny();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_site(a.path(), &spec).unwrap();
    write_site(b.path(), &spec).unwrap();
    let files = |root: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(root).unwrap().display().to_string();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect()
    };
    assert_eq!(files(a.path()), files(b.path()));
}

#[test]
fn an_articles_only_site_with_empty_data_builds() {
    let spec = Spec {
        articles: 25,
        words_per_article: 60,
        ..Spec::articles_only()
    };
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &spec).unwrap();
    let built = build_ok(dir.path());
    // Three list pages and the articles; no data pages.
    assert_eq!(pages_under(&built, "tin-tuc/"), 3 + 25);
    assert_eq!(pages_under(&built, "don-vi/"), 0);
    assert_eq!(pages_under(&built, "xep-hang/"), 0);
}

/// HTML pages whose site path starts with `prefix`.
fn pages_under(built: &crate::common::Built, prefix: &str) -> usize {
    built
        .all_pages()
        .iter()
        .filter(|(path, _)| path.starts_with(prefix))
        .count()
}
