# Shows Maven's progress (its -B log on standard input) for ./mtl's first build: the module being
# built of all modules, files and megabytes downloaded, the time elapsed and, from the modules done,
# the time left. tty=1: one line redrawn in place; otherwise a line per module and one every 10 s.
function now(   t) { "date +%s" | getline t; close("date +%s"); return t }
function clock(s) { return sprintf("%d:%02d", int(s / 60), s % 60) }
function show(final,   elapsed, left, text) {
  elapsed = now() - start
  text = sprintf("mtl: building %s%s, %d files (%.0f MB) downloaded, %s elapsed", step == "" ? "" : "module " step " ",
                 name == "" ? "(resolving)" : name, files, bytes / 1048576, clock(elapsed))
  if (!final && done > 1 && total > 0) { left = elapsed / (done - 1) * (total - done + 1); text = text sprintf(", about %s left", clock(left)) }
  if (tty == 1) { printf "\r\033[K%s", text; if (final) printf "\n" } else print text
  fflush()
  shown = now()
}
BEGIN { start = now(); shown = start; files = 0; bytes = 0; done = 0; total = 0; step = ""; name = "" }
/^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]/ {
  if (match($0, /\[[0-9]+\/[0-9]+\]/)) {
    step = substr($0, RSTART + 1, RLENGTH - 2); split(step, parts, "/"); done = parts[1] + 0; total = parts[2] + 0
  }
  name = $0; sub(/^\[INFO\] Building /, "", name); sub(/ +[0-9][^ ]* +\[[0-9]+\/[0-9]+\].*$/, "", name)
  show(0); next
}
/Downloaded from / {
  files++
  if (match($0, /\([0-9.]+ (B|kB|MB|GB)/)) {
    size = substr($0, RSTART + 1, RLENGTH - 1); split(size, sz, " ")
    bytes += sz[1] * (sz[2] == "GB" ? 1073741824 : sz[2] == "MB" ? 1048576 : sz[2] == "kB" ? 1024 : 1)
  }
  if (tty == 1 || now() - shown >= 10) show(0)
  next
}
/BUILD SUCCESS/ { step = ""; name = "done"; show(1) }
