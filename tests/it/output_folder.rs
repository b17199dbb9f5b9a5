//! The output folder through the real binary: chiso writes only into a
//! folder it made, never into the site or its sources, and a reader of the
//! output sees the whole old site or the whole new one whatever kills the
//! build.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::*;

/// Every file under `dir` with its bytes, by `/`-separated relative path.
fn manifest(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap();
            let name = relative.to_string_lossy().replace('\\', "/");
            (name, fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn a_folder_of_the_site_is_refused_even_with_force_and_left_untouched() {
    let site = fixture("minimal");
    let before = manifest(site.path());
    for output in ["data", "content", "content/tin-tuc", ".", ".."] {
        for force in [false, true] {
            let mut args = vec!["build", "--output", output];
            if force {
                args.push("--force");
            }
            let run = chiso(&args, site.path());
            assert_eq!(run.status.code(), Some(1), "{output}: {}", stderr(&run));
            assert!(stderr(&run).contains("refusing"), "{}", stderr(&run));
        }
    }
    assert_eq!(manifest(site.path()), before);
    // And the next build works: nothing of the sources went.
    let run = chiso(&["build"], site.path());
    assert!(run.status.success(), "{}", stderr(&run));
}

#[test]
fn a_folder_with_other_files_is_refused_unless_adopted_with_force() {
    let site = fixture("minimal");
    let docs = site.path().join("docs");
    put(&docs, "bao-cao.docx", "the office's report");
    put(&docs, "anh/so-do.png", "a picture");
    let before = manifest(&docs);
    let run = chiso(&["build", "--output", "docs"], site.path());
    assert_eq!(run.status.code(), Some(1));
    let said = stderr(&run);
    assert!(
        said.contains("bao-cao.docx") && said.contains("--force"),
        "{said}"
    );
    assert_eq!(manifest(&docs), before);

    let run = chiso(&["build", "--output", "docs", "--force"], site.path());
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(docs.join("index.html").is_file());
    assert!(!docs.join("bao-cao.docx").exists());
    // Its own files are kept beside it, said where, and no build deletes
    // them.
    let aside = site.path().join("docs.truoc-chiso");
    assert_eq!(manifest(&aside), before);
    assert!(
        stderr(&run).contains("docs.truoc-chiso"),
        "{}",
        stderr(&run)
    );
    // Adopted once, it is chiso's: no --force needed any more.
    for _ in 0..2 {
        let run = chiso(&["build", "--output", "docs"], site.path());
        assert!(run.status.success(), "{}", stderr(&run));
        assert!(!stderr(&run).contains("truoc-chiso"), "{}", stderr(&run));
    }
    assert_eq!(manifest(&aside), before);
    // Another folder adopted under the same name is kept under the next.
    let other = site.path().join("other/docs");
    put(&other, "ghi-chu.txt", "notes");
    let run = chiso(&["build", "--output", "other/docs", "--force"], site.path());
    assert!(run.status.success(), "{}", stderr(&run));
    put(&other, "../docs.truoc-chiso/x", "taken");
    put(&other, "ghi-chu-2.txt", "more notes");
    fs::remove_file(other.join(".chiso-output")).unwrap();
    let run = chiso(&["build", "--output", "other/docs", "--force"], site.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let second = site.path().join("other/docs.truoc-chiso-2");
    assert!(second.join("ghi-chu-2.txt").is_file(), "{}", stderr(&run));
}

/// `public/` made a Git repository to push (a submodule, a worktree of a
/// `gh-pages` branch) would lose its history: each build moves the old site
/// aside and the next deletes it. Refused, even with `--force`.
#[test]
fn an_output_folder_holding_a_git_repository_is_refused_even_with_force() {
    let site = fixture("minimal");
    let run = chiso(&["build"], site.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let public = site.path().join("public");
    put(&public, ".git/HEAD", "ref: refs/heads/gh-pages\n");
    let before = manifest(&public);
    for args in [&["build"][..], &["build", "--force"]] {
        let run = chiso(args, site.path());
        assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
        let said = stderr(&run);
        assert!(said.contains("Git repository"), "{said}");
        assert_eq!(manifest(&public), before);
    }
}

#[test]
fn an_empty_or_missing_folder_is_taken() {
    let site = fixture("minimal");
    fs::create_dir(site.path().join("empty")).unwrap();
    for output in ["empty", "new/deep"] {
        let run = chiso(&["build", "--output", output], site.path());
        assert!(run.status.success(), "{output}: {}", stderr(&run));
        assert!(site.path().join(output).join("index.html").is_file());
    }
}

#[test]
fn a_static_file_that_would_replace_a_page_is_an_error_naming_both() {
    let site = fixture("minimal");
    put(site.path(), "static/tin-tuc/index.html", "<p>mine</p>");
    put(site.path(), "static/404.html", "<p>mine</p>");
    for command in ["build", "check"] {
        let run = chiso(&[command], site.path());
        assert_eq!(run.status.code(), Some(1), "{command}");
        let said = stderr(&run);
        for (file, page) in [
            ("static/tin-tuc/index.html", "/tin-tuc/index.html"),
            ("static/404.html", "/404.html"),
        ] {
            let line = said
                .lines()
                .find(|l| l.contains(file))
                .unwrap_or_else(|| panic!("{command}: no error names {file}:\n{said}"));
            assert!(line.contains(page), "{line}");
        }
    }
    assert!(!site.path().join("public").exists());
}

/// A copy of the example site with `extra` more articles, so that a build
/// lasts long enough to be killed at many moments.
fn big_example(extra: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["config.toml", "data", "content", "templates", "static"] {
        let from = example_root().join(part);
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let relative = entry.path().strip_prefix(example_root()).unwrap();
            let to = dir.path().join(relative);
            if entry.file_type().is_dir() {
                fs::create_dir_all(&to).unwrap();
            } else {
                fs::copy(entry.path(), &to).unwrap();
            }
        }
    }
    for i in 0..extra {
        put(
            dir.path(),
            &format!("content/tin-tuc/bai-them-{i}.md"),
            &format!(
                "+++\ntitle = \"Bài thêm số {i}\"\ndate = 2024-01-{:02}\n+++\n\n{}\n",
                i % 28 + 1,
                "Nội dung bài viết về cải cách hành chính. ".repeat(40)
            ),
        );
    }
    dir
}

/// Sets the site's title, which every page shows.
fn set_title(root: &Path, title: &str) {
    let path = root.join("config.toml");
    let text = fs::read_to_string(&path).unwrap();
    let changed: Vec<String> = text
        .lines()
        .map(|line| {
            if line.starts_with("title = ") {
                format!("title = \"{title}\"")
            } else {
                line.to_owned()
            }
        })
        .collect();
    fs::write(&path, changed.join("\n") + "\n").unwrap();
}

/// Builds the site as it is into a fresh folder and returns its files.
fn reference(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("site");
    let folder_arg = folder.to_string_lossy().into_owned();
    let run = chiso(&["build", "--output", &folder_arg], root);
    assert!(run.status.success(), "{}", stderr(&run));
    manifest(&folder)
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_the_whole_old_or_the_whole_new_site() {
    let site = big_example(150);
    let root = site.path();
    set_title(root, "Phiên bản A");
    let a = reference(root);
    set_title(root, "Phiên bản B");
    let b = reference(root);
    assert_ne!(a, b);
    let output: PathBuf = root.join("public");

    // How long a build that changes every page takes, to spread the kills
    // over it.
    assert!(chiso(&["build"], root).status.success());
    let mut took = Duration::ZERO;
    for title in ["Phiên bản A", "Phiên bản B"] {
        set_title(root, title);
        let started = Instant::now();
        assert!(chiso(&["build"], root).status.success());
        took = took.max(started.elapsed());
    }

    let kills = 30;
    // How many builds the kill stopped before the exchange, and after it.
    let (mut stopped, mut finished) = (0, 0);
    for i in 0..kills {
        let target = if i % 2 == 0 { &a } else { &b };
        set_title(
            root,
            if i % 2 == 0 {
                "Phiên bản A"
            } else {
                "Phiên bản B"
            },
        );
        let before = manifest(&output);
        let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
            .arg("build")
            .current_dir(root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(took.mul_f64(1.5 * i as f64 / kills as f64));
        // SIGKILL: nothing of chiso runs after it.
        let _ = child.kill();
        let _ = child.wait();
        let now = manifest(&output);
        assert!(
            now.keys().all(|name| !name.contains("chiso-tmp")),
            "a temporary file in the output after kill {i}"
        );
        if now == before {
            stopped += 1;
        } else if &now == target {
            finished += 1;
        } else {
            let extra: Vec<_> = now.keys().filter(|k| !a.contains_key(*k)).collect();
            panic!("after kill {i} the output is neither site; files not in A: {extra:?}");
        }
    }
    eprintln!("{stopped} builds killed before the exchange, {finished} after");
    // The first kills come before the build could finish.
    assert!(stopped > 0);
    // A build after all this gives the site exactly.
    set_title(root, "Phiên bản A");
    let run = chiso(&["build"], root);
    assert!(run.status.success());
    assert_eq!(manifest(&output), a);
    // What the killed builds wrote into the spare was theirs: nothing is
    // taken for a file someone put in the output.
    let aside = root.join("public.truoc-chiso");
    assert!(
        !aside.exists(),
        "{:?}",
        aside
            .exists()
            .then(|| manifest(&aside).into_keys().collect::<Vec<_>>())
    );
    assert!(!stderr(&run).contains("truoc-chiso"), "{}", stderr(&run));
}

/// A build that fails once its pages are written (a link leading nowhere
/// is found last) leaves them in the spare, not in the output. The next
/// build removes them as its own; a file someone put in the output before
/// the failed build is still moved aside, not deleted (adv25 F1).
#[test]
fn what_a_failed_build_wrote_is_tidied_and_a_persons_file_still_kept() {
    let site = fixture("minimal");
    let root = site.path();
    for _ in 0..2 {
        let run = chiso(&["build"], root);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    put(root, "public/cua-toi.txt", "tệp của biên tập viên");
    // A good build: the spare is now the folder holding the person's file.
    let run = chiso(&["build"], root);
    assert!(run.status.success(), "{}", stderr(&run));
    put(
        root,
        "content/tin-tuc/bai-moi.md",
        "+++\ntitle = \"Bài mới\"\ndate = 2024-01-02\n+++\n\nXem [trang](/khong-co-trang-nay/).\n",
    );
    let run = chiso(&["build", "--lang", "en"], root);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("The output folder is as it was."),
        "{}",
        stderr(&run)
    );
    assert!(!root.join("public/tin-tuc/bai-moi").exists());
    // The article goes under another name, its link mended.
    fs::remove_file(root.join("content/tin-tuc/bai-moi.md")).unwrap();
    put(
        root,
        "content/tin-tuc/bai-khac.md",
        "+++\ntitle = \"Bài khác\"\ndate = 2024-01-02\n+++\n\nXem [trang](/).\n",
    );
    let run = chiso(&["build", "--lang", "en"], root);
    assert!(run.status.success(), "{}", stderr(&run));
    let aside = root.join("public.truoc-chiso");
    let moved: Vec<String> = manifest(&aside).into_keys().collect();
    assert_eq!(moved, ["cua-toi.txt"], "{}", stderr(&run));
    assert!(stderr(&run).contains("1 file"), "{}", stderr(&run));
    assert!(!root.join("public/tin-tuc/bai-moi").exists());
    assert!(!root.join("public/.chiso-unfinished").exists());
    // Nor does a later build move anything more.
    for _ in 0..2 {
        let run = chiso(&["build"], root);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    assert_eq!(manifest(&aside).len(), 1);
    assert!(!root.join("public.truoc-chiso-2").exists());
}

/// A build killed between hard-linking a served file under its temporary
/// name in the spare and renaming it leaves that name linked to the served
/// file. A later build that fails after writing its pages (here on a link
/// leading nowhere, found once every page is written) must leave every
/// served file as it was: nothing may be written through such a link.
#[cfg(unix)]
#[test]
fn a_failed_build_never_writes_through_links_a_killed_build_left() {
    let site = fixture("minimal");
    let root = site.path();
    for _ in 0..2 {
        let run = chiso(&["build"], root);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let output = root.join("public");
    let spare = root.join(".public.chiso-spare");
    let before = manifest(&output);
    for name in before.keys() {
        let temporary = spare.join(format!("{name}.chiso-tmp"));
        let _ = fs::remove_file(&temporary);
        fs::hard_link(output.join(name), &temporary).unwrap();
    }

    set_title(root, "Một tên khác trên mọi trang");
    put(
        root,
        "content/tin-tuc/lien-ket-hong.md",
        "+++\ntitle = \"Liên kết hỏng\"\ndate = 2024-01-02\n+++\n\nXem [trang](/khong-co-trang-nay/).\n",
    );
    let run = chiso(&["build"], root);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("khong-co-trang-nay"),
        "{}",
        stderr(&run)
    );
    assert_eq!(manifest(&output), before);
}

/// Two builds started at once into one output folder (two sites here, so
/// that their outputs differ) both succeed, one after the other: the output
/// is then the whole site of one of them, never a mix.
#[test]
fn builds_into_one_output_at_once_take_turns() {
    let sites = [big_example(30), big_example(30)];
    set_title(sites[0].path(), "Phiên bản A");
    set_title(sites[1].path(), "Phiên bản B");
    let whole: Vec<_> = sites.iter().map(|s| reference(s.path())).collect();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let output_arg = output.to_string_lossy().into_owned();
    for round in 0..6 {
        let builds: Vec<_> = sites
            .iter()
            .map(|site| {
                Command::new(env!("CARGO_BIN_EXE_chiso"))
                    .args(["build", "--quiet", "--output", &output_arg])
                    .current_dir(site.path())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for build in builds {
            let run = build.wait_with_output().unwrap();
            assert!(run.status.success(), "round {round}: {}", stderr(&run));
        }
        let now = manifest(&output);
        assert!(
            whole.contains(&now),
            "round {round}: the output is neither site"
        );
    }
}

#[test]
fn a_reader_polling_the_output_during_builds_never_misses_it() {
    let site = big_example(50);
    let root = site.path().to_path_buf();
    assert!(chiso(&["build"], &root).status.success());
    let output = root.join("public");
    let done = AtomicBool::new(false);
    let (misses, polls) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let (mut misses, mut polls) = (0, 0);
            while !done.load(Ordering::Relaxed) {
                polls += 1;
                let home = fs::read_to_string(output.join("index.html"));
                let listing = fs::read_dir(&output).map(|entries| {
                    entries
                        .filter_map(|e| e.ok())
                        .any(|e| e.file_name().to_string_lossy().contains("chiso-tmp"))
                });
                if home.is_err() || !matches!(listing, Ok(false)) {
                    misses += 1;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
            (misses, polls)
        });
        for i in 0..6 {
            set_title(&root, &format!("Lần {i}"));
            let run = chiso(&["build"], &root);
            assert!(run.status.success(), "{}", stderr(&run));
        }
        done.store(true, Ordering::Relaxed);
        reader.join().unwrap()
    });
    assert!(polls > 10, "the reader did not run");
    assert_eq!(
        misses, 0,
        "{misses} of {polls} polls saw no site or a temporary file"
    );
}
