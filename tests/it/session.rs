//! The in-memory session behind `chiso serve`: an edit re-renders only what
//! depends on it, and the result is exactly what a full build of the edited
//! site gives (random edits of every kind: `session_edits`).

use std::fs;

use crate::common::*;
use chiso::session::Session;
use chiso::BuildOptions;

fn append(path: &std::path::Path, text: &str) {
    let old = fs::read_to_string(path).unwrap();
    fs::write(path, format!("{old}{text}")).unwrap();
}

#[test]
fn a_body_edit_renders_only_what_depends_on_it_and_matches_a_full_build() {
    let site = fixture("minimal");
    let mut session = Session::new(BuildOptions::new(site.path()));
    let first = session.rebuild(&[]).unwrap();
    assert!(!first.partial);

    let article = "content/tin-tuc/bai-mot.md";
    append(
        &site.path().join(article),
        "\nMột đoạn mới về **chỉ số**.\n",
    );
    let edited = session.rebuild(&[article.into()]).unwrap();
    assert!(edited.partial, "a body edit should not rebuild everything");
    assert_eq!(edited.pages, 1);
    let page = String::from_utf8(edited.files["tin-tuc/bai-mot/index.html"].to_vec()).unwrap();
    assert!(page.contains("Một đoạn mới về <strong>chỉ số</strong>."));

    let fresh = Session::new(BuildOptions::new(site.path()))
        .rebuild(&[])
        .unwrap();
    assert_eq!(
        edited.files.keys().collect::<Vec<_>>(),
        fresh.files.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in fresh.files.iter() {
        assert!(
            edited.files[path] == *bytes,
            "{path} differs from a full build"
        );
    }
}

#[test]
fn a_front_matter_edit_or_another_file_renders_what_reads_it() {
    let site = fixture("minimal");
    let mut session = Session::new(BuildOptions::new(site.path()));
    session.rebuild(&[]).unwrap();
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let text = fs::read_to_string(&article).unwrap();
    fs::write(
        &article,
        text.replace("title = \"Bài một\"", "title = \"Bài thứ nhất\""),
    )
    .unwrap();
    let outcome = session.rebuild(std::slice::from_ref(&article)).unwrap();
    assert!(outcome.partial && outcome.pages < outcome.total_pages);
    let list = String::from_utf8(outcome.files["tin-tuc/index.html"].to_vec()).unwrap();
    assert!(list.contains("Bài thứ nhất"));
    // Unchanged: nothing to render again.
    let outcome = session.rebuild(&["data/units.toml".into()]).unwrap();
    assert_eq!(outcome.pages, 0);
}

#[test]
fn a_broken_edit_fails_and_the_next_good_one_builds() {
    let site = fixture("minimal");
    let mut session = Session::new(BuildOptions::new(site.path()));
    session.rebuild(&[]).unwrap();
    let article = "content/tin-tuc/bai-mot.md";
    append(
        &site.path().join(article),
        "\n[hỏng](/khong-co-trang-nay/)\n",
    );
    let failed = session.rebuild(&[article.into()]).unwrap_err().to_string();
    assert!(failed.contains("leads to no page of the site"), "{failed}");
    let text = fs::read_to_string(site.path().join(article)).unwrap();
    fs::write(
        site.path().join(article),
        text.replace("[hỏng](/khong-co-trang-nay/)", "đã sửa"),
    )
    .unwrap();
    let fixed = session.rebuild(&[article.into()]).unwrap();
    let page = String::from_utf8(fixed.files["tin-tuc/bai-mot/index.html"].to_vec()).unwrap();
    assert!(page.contains("đã sửa"));
}

#[test]
fn deleting_an_article_rebuilds_without_its_page_and_without_an_error() {
    let site = fixture("minimal");
    let article = "content/tin-tuc/bai-hai.md";
    put(
        site.path(),
        article,
        "+++\ntitle = \"Bài hai\"\ndate = 2024-05-09\n+++\nSẽ bị xoá.\n",
    );
    let mut session = Session::new(BuildOptions::new(site.path()));
    let first = session.rebuild(&[]).unwrap();
    assert!(first.files.contains_key("tin-tuc/bai-hai/index.html"));

    fs::remove_file(site.path().join(article)).unwrap();
    let outcome = session
        .rebuild(&[article.into()])
        .unwrap_or_else(|d| panic!("a false error after deleting an article:\n{d}"));
    assert!(!outcome.files.contains_key("tin-tuc/bai-hai/index.html"));
    let fresh = Session::new(BuildOptions::new(site.path()))
        .rebuild(&[])
        .unwrap();
    assert_eq!(
        outcome.files.keys().collect::<Vec<_>>(),
        fresh.files.keys().collect::<Vec<_>>()
    );
}

#[test]
fn an_edit_that_breaks_another_articles_anchor_fails_as_check_does() {
    let site = fixture("minimal");
    let linked = "content/tin-tuc/bai-mot.md";
    let mut session = Session::new(BuildOptions::new(site.path()));
    let first = session.rebuild(&[]).unwrap();
    // The id the heading "Mở đầu" of the linked article got.
    let page = String::from_utf8(first.files["tin-tuc/bai-mot/index.html"].to_vec()).unwrap();
    let at = page.find("<h2 id=\"").expect("no heading id") + "<h2 id=\"".len();
    let id = &page[at..at + page[at..].find('"').unwrap()];

    let linking = "content/tin-tuc/bai-hai.md";
    put(
        site.path(),
        linking,
        &format!(
            "+++\ntitle = \"Bài hai\"\ndate = 2024-05-09\n+++\nXem [phần mở đầu](/tin-tuc/bai-mot/#{id}).\n"
        ),
    );
    session.rebuild(&[linking.into()]).unwrap();

    // The heading is renamed in a body-only edit: the quick path.
    let text = fs::read_to_string(site.path().join(linked)).unwrap();
    fs::write(
        site.path().join(linked),
        text.replace("## Mở đầu", "## Phần đầu"),
    )
    .unwrap();
    let failed = match session.rebuild(&[linked.into()]) {
        Ok(_) => panic!("the broken anchor went unnoticed"),
        Err(d) => d.to_string(),
    };
    let checked = chiso::check(&BuildOptions::new(site.path()))
        .expect_err("chiso check finds the broken anchor")
        .to_string();
    assert!(failed.contains(linking), "{failed}");
    assert_eq!(failed, checked);

    // Restoring the heading makes the site good again.
    fs::write(site.path().join(linked), text).unwrap();
    session.rebuild(&[linked.into()]).unwrap();
}

#[test]
fn links_in_data_notes_and_the_footer_are_checked_as_check_does() {
    let site = fixture("minimal");
    let root = site.path();
    let mut session = Session::new(BuildOptions::new(root));
    session.rebuild(&[]).unwrap();
    // A note leading to the article's heading: good.
    let table = "data/results/2023/khoi.toml";
    let text = fs::read_to_string(root.join(table)).unwrap();
    let noted = |anchor: &str| {
        text.replace(
            "complete = true\n",
            &format!("complete = true\nnote = \"Xem [bài](/tin-tuc/bai-mot/#{anchor}).\"\n"),
        )
    };
    fs::write(root.join(table), noted("mo-dau")).unwrap();
    session.rebuild(&[table.into()]).unwrap();
    // The heading renamed in a body-only edit (the quick path): the note's
    // link breaks there too.
    let article = "content/tin-tuc/bai-mot.md";
    let body = fs::read_to_string(root.join(article)).unwrap();
    fs::write(root.join(article), body.replace("## Mở đầu", "## Phần đầu")).unwrap();
    let failed = session.rebuild(&[article.into()]).unwrap_err().to_string();
    let checked = chiso::check(&BuildOptions::new(root))
        .expect_err("chiso check finds the broken anchor")
        .to_string();
    assert!(failed.contains("khoi.toml:5:"), "{failed}");
    assert_eq!(failed, checked);
    fs::write(root.join(article), body).unwrap();
    session.rebuild(&[article.into()]).unwrap();
    // A footer leading nowhere: the staged path.
    append(&root.join("config.toml"), "footer = \"[cũ](/cu/)\"\n");
    let failed = session
        .rebuild(&["config.toml".into()])
        .unwrap_err()
        .to_string();
    assert!(failed.contains("config.toml:4:"), "{failed}");
}

/// `serve --base-url` refuses what `build --base-url` refuses (a password
/// in the address), with the same message.
#[test]
fn serve_checks_its_base_url_as_build_does() {
    let site = fixture("minimal");
    let options = || BuildOptions {
        base_url: Some("https://user:secret@cchc.example.gov.vn/".to_owned()),
        ..BuildOptions::new(site.path())
    };
    let Err(served) = Session::new(options()).rebuild(&[]) else {
        panic!("serve took the address");
    };
    let Err(built) = chiso::build(&options()) else {
        panic!("build took the address");
    };
    let said = |d: &chiso::Diagnostics| {
        d.sorted()
            .iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    assert!(!said(&served).is_empty());
    assert_eq!(said(&served), said(&built));
}
