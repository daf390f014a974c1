"""What the `okr` command says besides diagnostics: the summary of `okr check`, why a command
stops and what it wrote (cli.py), the weekly reminder (core/remind.py), the reply on an issue
(applyissue.py), and the build's lines of `mkdocs build` / `serve` that are not diagnostics
(plugin.py, serving.py, watching.py, searchworker.py). Keys start with `okr.`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "okr.summary": {
        "en": "{files} files, {sets} OKR sets: {errors} errors, {warnings} warnings.",
        "zh": "{files} 个文件，{sets} 份 OKR：{errors} 个错误，{warnings} 个警告。",
    },
    # mkdocs serve --dirty (serving.py): instead of MkDocs' warning on every dirty build
    "okr.serve-dirty": {
        "en": "Rebuilding only the pages this change touches; the plugin compares every page "
        "with the last build, so no page is out of date.",
        "zh": "只重新生成这次改动涉及的页面；插件会把每个页面与上次生成的结果比对，"
        "不会留下过时的页面。",
    },
    # mkdocs serve (watching.py): MkDocs lists what it watches; the plugin watches this too
    "okr.serve-watch": {
        "en": "Watching the OKR folder '{folder}' for changes too.",
        "zh": "也在留意 OKR 文件夹 '{folder}' 的改动。",
    },
    # A site with Material's search (searchworker.py): its worker could not be corrected
    "okr.search-worker": {
        "en": "Material's search worker {file} is not one this plugin can correct (another "
        "Material version?), so it is left as it is: a search for a Chinese name or title may "
        "look for its first characters only.",
        "zh": "Material 的搜索脚本 {file} 不是本插件能修正的版本（也许是另一个 Material 版本），"
        "已保持原样：搜索中文姓名或标题时，可能只按前几个字查找。",
    },
    "okr.unchanged": {"en": "{file} is unchanged.", "zh": "{file} 没有改动。"},
    "okr.not-a-request": {
        "en": "'{given}' is not OBJECTIVE/KR=VALUE [STATUS] # NOTE (for example O1/KR1=6500, "
        "O1/KR1=76% or 'O1/KR1=6500 [at risk] # note').",
        "zh": "“{given}”不是 目标/关键结果=数值 [状态] # 备注 的写法（例如 O1/KR1=6500、"
        "O1/KR1=76% 或 'O1/KR1=6500 [有风险] # 备注'）。",
    },
    "okr.not-a-score-request": {
        "en": "'{given}' is not OBJECTIVE/KR=SCORE (for example O1/KR1=0.7).",
        "zh": "“{given}”不是 目标/关键结果=评分 的写法（例如 O1/KR1=0.7）。",
    },
    "okr.exists-force": {
        "en": "{path} exists; add --force to overwrite it.",
        "zh": "{path} 已经存在；加上 --force 才会覆盖它。",
    },
    "okr.exists-carry": {
        "en": "{path} exists; carry does not overwrite files.",
        "zh": "{path} 已经存在；carry 不会覆盖已有的文件。",
    },
    "okr.not-passing": {
        "en": "nothing written: the new files would not pass `okr check`.",
        "zh": "没有写入任何文件：新文件通不过 `okr check`。",
    },
    "okr.not-a-cycle": {"en": "'{cycle}' is not a cycle.", "zh": "“{cycle}”不是一个周期。"},
    "okr.same-cycle": {
        "en": "the old and the new cycle are the same.",
        "zh": "旧周期和新周期是同一个。",
    },
    # Usage errors and what a command did, printed after `okr: error: ` or alone (cli.py)
    "okr.no-folder": {
        "en": "the OKR folder '{folder}' does not exist.",
        "zh": "OKR 文件夹“{folder}”不存在。",
    },
    "okr.not-a-folder": {
        "en": "the OKR folder '{folder}' is not a folder.",
        "zh": "OKR 文件夹“{folder}”不是一个文件夹。",
    },
    "okr.no-file": {
        "en": "the file '{file}' does not exist.",
        "zh": "文件“{file}”不存在。",
    },
    "okr.folder-not-file": {
        "en": "'{folder}' is a folder; give the path of one OKR file in it (a .md file, for "
        "example {example}).",
        "zh": "“{folder}”是一个文件夹；请写出其中一个 OKR 文件的路径（.md 文件，例如 {example}）。",
    },
    "okr.file-or-csv": {
        "en": "give FILE and VALUES, or --from-csv CSV.",
        "zh": "请写出 OKR 文件和要记录的数值，或者用 --from-csv 给出一个 CSV 文件。",
    },
    "okr.file-and-csv": {
        "en": "give either FILE and VALUES, or --from-csv CSV.",
        "zh": "OKR 文件和数值，与 --from-csv 的 CSV 文件，只能二选一。",
    },
    "okr.not-a-date": {
        "en": "'{given}' is not a date written YYYY-MM-DD.",
        "zh": "“{given}”不是 年-月-日 写法的日期（例如 2026-11-30）。",
    },
    "okr.of-option": {"en": "{option}: {problem}", "zh": "{option}：{problem}"},
    "okr.not-empty": {
        "en": "'{folder}' is not an empty folder; okr init writes only into one.",
        "zh": "“{folder}”不是空文件夹；okr init 只写入空的（或还不存在的）文件夹。",
    },
    "okr.cannot-read": {
        "en": "cannot read {file}: {reason}.",
        "zh": "无法读取 {file}：{reason}。",
    },
    "okr.cannot-write": {
        "en": "cannot write {file}: {reason}.",
        "zh": "无法写入 {file}：{reason}。",
    },
    "okr.not-written": {
        "en": "nothing written: the files could not be saved ({reason}).",
        "zh": "没有写入任何文件：文件无法保存（{reason}）。",
    },
    "okr.csv-not-all": {
        "en": "nothing written: every row must apply.",
        "zh": "没有写入任何文件：CSV 的每一行都能记录时才会写入。",
    },
    # Why a file could not be read or written, in plain words (from the system's error number)
    "okr.why.missing": {
        "en": "the file or its folder does not exist",
        "zh": "文件或它所在的文件夹不存在",
    },
    "okr.why.denied": {"en": "there is no permission to do so", "zh": "没有权限"},
    "okr.why.folder": {"en": "it is a folder, not a file", "zh": "这是一个文件夹，不是文件"},
    "okr.why.not-folder": {
        "en": "part of the path is a file, not a folder",
        "zh": "路径中有一部分是文件，不是文件夹",
    },
    "okr.why.full": {"en": "the disk is full", "zh": "磁盘已满"},
    "okr.why.read-only": {
        "en": "the disk can only be read, not written",
        "zh": "磁盘只能读取，不能写入",
    },
    "okr.why.not-utf8": {
        "en": "it is not text saved as UTF-8",
        "zh": "它不是以 UTF-8 编码保存的文本",
    },
    "okr.why.other": {"en": "the system says: {detail}", "zh": "系统提示：{detail}"},
    "okr.wrote": {"en": "wrote {file}", "zh": "已写入 {file}"},
    "okr.rendered": {
        "en": "{pages} files written to {folder}; {removed} old files no longer needed were "
        "removed.",
        "zh": "已写入 {pages} 个文件到 {folder}（删除了 {removed} 个不再需要的旧文件）。",
    },
    "okr.checked-in": {
        "en": "{file}: {ref} = {value} on {day}",
        "zh": "{file}：{ref} = {value}，日期 {day}",
    },
    "okr.scored": {"en": "{file}: {ref} scored {score}", "zh": "{file}：{ref} 评分 {score}"},
    # mkdocs build (plugin.py): a page written in docs_dir wins over the generated one
    "okr.page-in-docs": {
        "en": "{file} exists in the docs folder, so the generated OKR page of that name is "
        "not added.",
        "zh": "文档文件夹中已经有 {file}，所以同名的 OKR 页面没有生成。",
    },
    # okr remind: the Markdown of the reminder issue
    "okr.remind.title": {
        "en": "## OKR check-in reminder ({today})",
        "zh": "## OKR 进展提醒（{today}）",
    },
    "okr.remind.stale": {
        "en": "OKR sets with no check-in for more than {days} days:",
        "zh": "超过 {days} 天没有更新进展的 OKR 集：",
    },
    "okr.remind.behind": {
        "en": "Key results behind the cycle's pace:",
        "zh": "落后于进度的关键结果：",
    },
    "okr.remind.last": {"en": "last check-in {date}", "zh": "最近一次更新 {date}"},
    "okr.remind.never": {"en": "no check-in yet", "zh": "还没有更新过"},
    "okr.remind.progress": {
        "en": "progress {progress}%, {expected}% expected by now",
        "zh": "进度 {progress}%，按时间应到 {expected}%",
    },
    "okr.remind.link": {"en": "check in", "zh": "填写本周进展"},
    "okr.remind.who": {"en": "**{name}** ({ref})", "zh": "**{name}**（{ref}）"},
    "okr.remind.key-result": {
        "en": "{ref} {title}: {progress}",
        "zh": "{ref} {title}：{progress}",
    },
    # okr apply-issue: the reply on the issue
    "okr.apply.recorded": {
        "en": "Recorded for {set} ({date}), waiting for review:",
        "zh": "已记录 {set}（{date}），等待审核合并：",
    },
    "okr.apply.retrospective": {"en": "- Retrospective: written", "zh": "- 复盘：已写入"},
    "okr.apply.refused": {
        "en": "No file was changed. Please edit this issue (it is read again after an edit):",
        "zh": "没有改动任何文件。请修改这个议题（编辑后会自动重新处理）：",
    },
    "okr.apply.at-line": {"en": "line {line}: ", "zh": "第 {line} 行："},
    "okr.apply.status.on-track": {"en": "on track", "zh": "正常"},
    "okr.apply.status.at-risk": {"en": "at risk", "zh": "有风险"},
    "okr.apply.status.off-track": {"en": "off track", "zh": "已延期"},
}
