//! `chiso serve`'s staged rebuild against builds from scratch: seeded
//! random edits of every kind an editor makes (a score, a unit's or an
//! index's name, a result row added or removed, a results file deleted, an
//! article's front matter, body or address, a link in an article, a
//! template, the configuration) on the tiny synthetic site and on the Hà Tĩnh example
//! site. After each edit the
//! session's files must be byte for byte, and its problems word for word,
//! those of a build of the edited site from scratch; and the quick paths
//! must really be taken (fewer pages rendered than the site has).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::common::*;
use chiso::session::{Early, EarlySite, Files, Session};
use chiso::BuildOptions;

/// A small deterministic generator (xorshift), so a failure repeats.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A build from scratch: the files and the problems (as printed).
fn from_scratch(root: &Path) -> Result<(Files, String), String> {
    match chiso::render_site(&BuildOptions::new(root)) {
        Ok(rendered) => {
            let mut files: Files = rendered
                .files
                .into_iter()
                .map(|f| (f.path, f.bytes.into()))
                .collect();
            for asset in rendered.assets {
                let key = asset.relative.to_string_lossy().replace('\\', "/");
                files.insert(key, fs::read(&asset.path).unwrap().into());
            }
            Ok((files, rendered.warnings.to_string()))
        }
        Err(d) => Err(d.to_string()),
    }
}

fn files_under(root: &Path, dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(root.join(dir))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().to_path_buf())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

/// Replaces the `nth` (modulo their count) match of `key = ` … end of line
/// in `text` by `key = value`; `None` when there is none.
fn set_nth(text: &str, key: &str, nth: usize, value: &str) -> Option<String> {
    let starts: Vec<usize> = text
        .match_indices(&format!("\n{key} = "))
        .map(|(i, _)| i + 1)
        .collect();
    let at = *starts.get(nth % starts.len().max(1))?;
    let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
    Some(format!("{}{key} = {value}{}", &text[..at], &text[end..]))
}

/// One random edit of the site at `root`: the file it changed.
fn edit(root: &Path, rng: &mut Seeded, step: usize) -> (String, PathBuf) {
    let results = files_under(root, "data/results", "toml");
    let articles = files_under(root, "content/tin-tuc", "md");
    let read = |p: &Path| fs::read_to_string(root.join(p)).unwrap_or_default();
    let write = |p: &Path, text: &str| {
        fs::create_dir_all(root.join(p).parent().unwrap()).unwrap();
        fs::write(root.join(p), text).unwrap()
    };
    loop {
        match rng.below(14) {
            0 if !results.is_empty() => {
                let file = rng.pick(&results).clone();
                let value = format!("{}.{}", 40 + rng.below(55), rng.below(100));
                let key = if rng.below(2) == 0 { "score" } else { "points" };
                if let Some(text) = set_nth(&read(&file), key, rng.below(50), &value) {
                    write(&file, &text);
                    return (format!("{key} in {}", file.display()), file);
                }
            }
            1 => {
                let file = PathBuf::from("data/units.toml");
                let name = format!("\"Đơn vị sửa {step}\"");
                if let Some(text) = set_nth(&read(&file), "name", rng.below(100), &name) {
                    write(&file, &text);
                    return ("unit name".into(), file);
                }
            }
            2 => {
                let file = PathBuf::from("data/indices.toml");
                let name = format!("\"Chỉ số sửa {step}\"");
                if let Some(text) = set_nth(&read(&file), "name", rng.below(10), &name) {
                    write(&file, &text);
                    return ("index name".into(), file);
                }
            }
            3 if !results.is_empty() => {
                // A result row removed (the last), or one added back.
                let file = rng.pick(&results).clone();
                let text = read(&file);
                if let Some(at) = text.rfind("\n[[result]]") {
                    // No longer every unit: not complete.
                    let text = text[..at + 1].replace("complete = true", "complete = false");
                    write(&file, &text);
                    return (format!("row removed in {}", file.display()), file);
                }
            }
            4 if results.len() > 2 => {
                let file = rng.pick(&results).clone();
                fs::remove_file(root.join(&file)).unwrap();
                return (format!("deleted {}", file.display()), file);
            }
            5 if !articles.is_empty() => {
                let file = rng.pick(&articles).clone();
                let title = format!("\"Bài sửa {step}\"");
                if let Some(text) = set_nth(&read(&file), "title", 0, &title) {
                    write(&file, &text);
                    return ("article title".into(), file);
                }
            }
            6 if !articles.is_empty() => {
                let file = rng.pick(&articles).clone();
                let text = format!("{}\nĐoạn thêm {step} về **cải cách**.\n", read(&file));
                write(&file, &text);
                return ("article body".into(), file);
            }
            7 if !articles.is_empty() => {
                let file = rng.pick(&articles).clone();
                let date = format!("2024-0{}-1{}", 1 + rng.below(9), rng.below(10));
                if let Some(text) = set_nth(&read(&file), "date", 0, &date) {
                    write(&file, &text);
                    return ("article date".into(), file);
                }
            }
            8 => {
                // A site template overriding a built-in one, changed.
                let names = [
                    "unit.html",
                    "ranking.html",
                    "partials/footer.html",
                    "home.html",
                ];
                let name = *rng.pick(&names);
                let built_in = chiso::render::DEFAULT_TEMPLATES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .unwrap()
                    .1;
                let file = PathBuf::from("templates").join(name);
                let marked = built_in.replacen("</", &format!("<!-- sửa {step} --></"), 1);
                write(&file, &marked);
                return (format!("template {name}"), file);
            }
            9 => {
                let file = PathBuf::from("config.toml");
                let title = format!("\"Trang sửa {step}\"");
                if let Some(text) = set_nth(&format!("\n{}", read(&file)), "title", 0, &title) {
                    write(&file, &text[1..]);
                    return ("config title".into(), file);
                }
            }
            10 => {
                // An article added.
                let file = PathBuf::from(format!("content/tin-tuc/moi-{step}.md"));
                let text = format!(
                    "+++\ntitle = \"Bài mới {step}\"\ndate = 2024-11-0{}\n+++\nNội dung mới.\n",
                    1 + rng.below(9)
                );
                write(&file, &text);
                return ("article added".into(), file);
            }
            11 if !articles.is_empty() => {
                // An article's title and a link in it: to a page there is,
                // to an anchor there may not be, or to none (which fails).
                let file = rng.pick(&articles).clone();
                let targets = [
                    "/du-lieu/",
                    "/du-lieu/tat-ca-cac-bang.csv",
                    "/tim-kiem/#khong-co",
                    "/khong-co/",
                ];
                let target = *rng.pick(&targets);
                let title = format!("\"Bài có liên kết {step}\"");
                if let Some(text) = set_nth(&read(&file), "title", 0, &title) {
                    write(&file, &format!("{text}\nXem [thêm]({target}).\n"));
                    return (format!("article link to {target}"), file);
                }
            }
            12 => {
                // What the data and content read of the configuration: how
                // Markdown is rendered, and the home unit (one there is,
                // or one there is not, which fails).
                let file = PathBuf::from("config.toml");
                let text = read(&file);
                let units = read(Path::new("data/units.toml"));
                let ids: Vec<&str> = units
                    .lines()
                    .filter_map(|l| l.strip_prefix("id = \""))
                    .filter_map(|l| l.strip_suffix('"'))
                    .collect();
                if rng.below(2) == 0 {
                    let text = match text.strip_prefix("unsafe_html = true\n") {
                        Some(rest) => rest.to_owned(),
                        None => format!("unsafe_html = true\n{text}"),
                    };
                    write(&file, &text);
                    return ("config unsafe_html".into(), file);
                }
                let id = if ids.is_empty() || rng.below(4) == 0 {
                    "khong-co"
                } else {
                    *rng.pick(&ids)
                };
                let value = format!("\"{id}\"");
                if let Some(text) = set_nth(&format!("\n{text}"), "home_unit", 0, &value) {
                    write(&file, &text[1..]);
                    return (format!("config home_unit {id}"), file);
                }
            }
            13 if !articles.is_empty() => {
                // An article moved to a new address.
                let file = rng.pick(&articles).clone();
                let text = read(&file);
                let slug = format!("\"bai-doi-duong-dan-{step}\"");
                let text = set_nth(&text, "slug", 0, &slug)
                    .unwrap_or_else(|| text.replacen("+++\n", &format!("+++\nslug = {slug}\n"), 1));
                write(&file, &text);
                return ("article slug".into(), file);
            }
            _ => {}
        }
    }
}

/// Runs `steps` seeded edits on the site at `root`, comparing each rebuild
/// with a build from scratch; returns how many rebuilds reused pages.
fn edits_match_full_builds(root: &Path, seed: u64, steps: usize) -> usize {
    let mut session = Session::new(BuildOptions::new(root));
    let first = session.rebuild(&[]).expect("the site builds");
    assert!(!first.partial);
    let mut rng = Seeded(seed);
    let mut partial = 0;
    let mut early_shown = 0;
    let mut last_files = Files::clone(&first.files);
    let mut undo: Option<(PathBuf, Option<Vec<u8>>)> = None;
    for step in 0..steps {
        let (what, file) = match undo.take() {
            // The last edit broke the site: it is undone (an editor fixing
            // it), which must bring the site back.
            Some((file, before)) => {
                match before {
                    Some(bytes) => fs::write(root.join(&file), bytes).unwrap(),
                    None => fs::remove_file(root.join(&file)).unwrap(),
                }
                ("undo".to_owned(), file)
            }
            None => {
                let snapshot = files_under(root, "", "toml")
                    .into_iter()
                    .chain(files_under(root, "", "md"))
                    .chain(files_under(root, "", "html"))
                    .map(|p| {
                        let bytes = fs::read(root.join(&p)).unwrap();
                        (p, bytes)
                    })
                    .collect::<std::collections::BTreeMap<_, _>>();
                let (what, file) = edit(root, &mut rng, step);
                undo = Some((file.clone(), snapshot.get(&file).cloned()));
                (what, file)
            }
        };
        // Pages open in a browser, rendered first and shown early: a
        // page shown then must be what the rebuild leaves.
        let open: Vec<&String> = last_files.keys().filter(|k| k.ends_with(".html")).collect();
        let mut wanted: HashSet<String> = ["index.html".to_owned()].into();
        for _ in 0..3 {
            wanted.insert(rng.pick(&open).to_string());
        }
        let shown: Mutex<Option<EarlySite>> = Mutex::default();
        let publish = |site: EarlySite| {
            let mut shown = shown.lock().unwrap();
            assert!(shown.is_none(), "step {step}: shown twice");
            *shown = Some(site);
        };
        let early = Early {
            pages: wanted,
            edited: Some(&file),
            publish: &publish,
        };
        let quick = session.rebuild_showing(std::slice::from_ref(&file), Some(&early));
        let shown = shown.into_inner().unwrap();
        let full = from_scratch(root);
        if full.is_ok() {
            undo = None;
        }
        match (quick, full) {
            (Ok(quick), Ok((files, warnings))) => {
                // The whole-site downloads, made as a request makes them.
                let mut served = Files::clone(&quick.files);
                for path in quick.later.paths() {
                    let made = quick.later.get(path).expect("a download is made");
                    served.insert(path.to_owned(), made);
                }
                let keys = |f: &Files| f.keys().cloned().collect::<Vec<_>>();
                assert_eq!(keys(&served), keys(&files), "step {step} ({what}): paths");
                for (path, bytes) in &files {
                    assert!(
                        served[path] == *bytes,
                        "step {step} ({what}): {path} differs from a build from scratch"
                    );
                }
                assert_eq!(quick.warnings.to_string(), warnings, "step {step} ({what})");
                if let Some(shown) = shown {
                    // Open pages were sent to where the edit's page is now.
                    assert_eq!(
                        shown.page_of_edit,
                        session.page_of_source(&file),
                        "step {step} ({what}): the page of the edit"
                    );
                    for path in shown.settled.iter() {
                        assert!(
                            shown.get(path) == served.get(path),
                            "step {step} ({what}): {path} was shown early as it is not now"
                        );
                    }
                    early_shown += 1;
                }
                last_files = served;
                eprintln!(
                    "step {step} ({what}): {} of {} pages",
                    quick.pages, quick.total_pages
                );
                if quick.partial {
                    assert!(quick.pages < quick.total_pages);
                    partial += 1;
                }
            }
            (Err(quick), Err(full)) => {
                eprintln!("step {step} ({what}): fails");
                assert_eq!(quick.to_string(), full, "step {step} ({what}): problems");
            }
            (Ok(_), Err(full)) => {
                panic!("step {step} ({what}): built, a full build fails:\n{full}")
            }
            (Err(quick), Ok(_)) => {
                panic!("step {step} ({what}): failed, a full build works:\n{quick}")
            }
        }
    }
    eprintln!("{early_shown} rebuilds showed pages early");
    assert!(
        early_shown * 4 > steps,
        "only {early_shown} rebuilds showed pages early"
    );
    partial
}

#[test]
fn random_edits_of_the_tiny_site_match_builds_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let spec = chiso::synthetic::Spec::tiny();
    chiso::synthetic::write_site(dir.path(), &spec).unwrap();
    // Two articles a page: the article list and the tags have several
    // pages, which edits of the articles move between.
    let config = dir.path().join("config.toml");
    let text = fs::read_to_string(&config).unwrap();
    let text = text.replace("articles_per_page = 10", "articles_per_page = 2");
    assert!(text.contains("articles_per_page = 2"));
    fs::write(&config, text).unwrap();
    let partial = edits_match_full_builds(dir.path(), 0x5eed_1234_abcd_0001, 60);
    assert!(partial > 20, "only {partial} rebuilds reused pages");
}

#[test]
fn random_edits_of_the_example_site_match_builds_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let from = example_root();
    for sub in ["data", "content", "static", "templates"] {
        copy_tree(&from, &from.join(sub), dir.path());
    }
    fs::copy(from.join("config.toml"), dir.path().join("config.toml")).unwrap();
    let partial = edits_match_full_builds(dir.path(), 0x0dd_ba11_5eed_0002, 40);
    assert!(partial > 10, "only {partial} rebuilds reused pages");
}

/// Each edit kind's quick path is taken: a score renders the pages that
/// show it, not the site; a template its pages; an article's title its
/// lists, not the tables.
#[test]
fn each_quick_path_renders_fewer_pages_than_the_site_has() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    chiso::synthetic::write_site(root, &chiso::synthetic::Spec::tiny()).unwrap();
    let mut session = Session::new(BuildOptions::new(root));
    let first = session.rebuild(&[]).unwrap();
    let total = first.pages;
    assert_eq!(first.total_pages, total);
    // The whole-site downloads wait for a request.
    let all_tables = "du-lieu/tat-ca-cac-bang.csv";
    assert!(!first.files.contains_key(all_tables));
    assert!(first.later.paths().any(|p| p == all_tables));

    let results = files_under(root, "data/results", "toml");
    let file = &results[0];
    let text = fs::read_to_string(root.join(file)).unwrap();
    let edited = set_nth(&text, "score", 0, "55.55").unwrap();
    fs::write(root.join(file), edited).unwrap();
    let outcome = session.rebuild(std::slice::from_ref(file)).unwrap();
    assert!(
        outcome.partial && outcome.pages > 0 && outcome.pages < total / 2,
        "score: {} of {total}",
        outcome.pages
    );

    let file = PathBuf::from("templates/unit.html");
    let unit = chiso::render::DEFAULT_TEMPLATES
        .iter()
        .find(|(n, _)| *n == "unit.html")
        .unwrap()
        .1;
    put(
        root,
        "templates/unit.html",
        &unit.replacen("</", "<!-- x --></", 1),
    );
    let outcome = session.rebuild(std::slice::from_ref(&file)).unwrap();
    assert_eq!(
        outcome.pages, 16,
        "a unit template edit renders the 16 unit pages"
    );

    let articles = files_under(root, "content/tin-tuc", "md");
    let file = &articles[0];
    let text = fs::read_to_string(root.join(file)).unwrap();
    fs::write(
        root.join(file),
        set_nth(&text, "title", 0, "\"Tên mới\"").unwrap(),
    )
    .unwrap();
    let outcome = session.rebuild(std::slice::from_ref(file)).unwrap();
    assert!(
        outcome.partial && outcome.pages < total / 2,
        "title: {} of {total}",
        outcome.pages
    );
}

/// After an article's slug changes, the early reload sends the pages open
/// on it to its new address, not to the old one, which is gone (`serve`
/// showed a "not found" page there until the rebuild ended).
#[test]
fn a_new_slug_sends_open_pages_to_the_new_address() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    chiso::synthetic::write_site(root, &chiso::synthetic::Spec::tiny()).unwrap();
    let mut session = Session::new(BuildOptions::new(root));
    session.rebuild(&[]).unwrap();
    let file = files_under(root, "content/tin-tuc", "md")[0].clone();
    let before = session.page_of_source(&file).unwrap();
    let text = fs::read_to_string(root.join(&file)).unwrap();
    let moved = text.replacen("+++\n", "+++\nslug = \"dia-chi-moi\"\n", 1);
    fs::write(root.join(&file), moved).unwrap();

    let shown: Mutex<Option<EarlySite>> = Mutex::default();
    let publish = |site: EarlySite| *shown.lock().unwrap() = Some(site);
    let open = before.trim_start_matches('/').to_owned() + "index.html";
    let early = Early {
        pages: [open].into(),
        edited: Some(&file),
        publish: &publish,
    };
    let outcome = session
        .rebuild_showing(std::slice::from_ref(&file), Some(&early))
        .unwrap();
    let shown = shown
        .into_inner()
        .unwrap()
        .expect("the open page is shown early");
    let after = shown.page_of_edit.expect("the article has a page");
    assert!(after.ends_with("/tin-tuc/dia-chi-moi/"), "{after}");
    assert_ne!(after, before);
    assert_eq!(
        session.page_of_source(&file).as_deref(),
        Some(after.as_str())
    );
    assert!(outcome.files.contains_key("tin-tuc/dia-chi-moi/index.html"));
    let old = before.trim_start_matches('/').to_owned() + "index.html";
    assert!(!outcome.files.contains_key(&old), "{old} is still there");
}
