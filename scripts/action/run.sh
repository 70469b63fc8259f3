#!/usr/bin/env bash
# The eqplan GitHub Action's one step (action.yml). Runs as GitHub runs it:
# the environment variables GitHub sets (GITHUB_EVENT_PATH, GITHUB_BASE_REF,
# GITHUB_REPOSITORY, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP) plus the
# action's inputs as INPUT_*. tests/cli/action.test.ts runs it with those
# variables pointing at temporary files and a stand-in `gh`.
#   1. eqplan check on the plans: annotations and the job summary;
#   2. in a pull request, eqplan diff against the base branch: annotations on
#      the changed lines, the markdown in the job summary, and one comment on
#      the pull request, updated on every push (found by its hidden marker);
#   3. outputs check-status, diff-status and changes; the step fails with the
#      worse of the two exit codes.
set -uo pipefail
EQPLAN=${EQPLAN:-eqplan}
read -r -a plans <<< "${INPUT_PLANS:-.}"
fail_on=${INPUT_FAIL_ON:-error}
tmp=${RUNNER_TEMP:-$(mktemp -d)}
output=${GITHUB_OUTPUT:-/dev/null}

$EQPLAN check "${plans[@]}" --format github --fail-severity "$fail_on"
check_status=$?
echo "check-status=$check_status" >> "$output"

# The pull request's number and base branch, from the event GitHub saved.
pr=""
base=${GITHUB_BASE_REF:-}
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  pr=$(node -e 'const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(String(e.pull_request?.number ?? ""))' "$GITHUB_EVENT_PATH")
  [ -n "$base" ] || base=$(node -e 'const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(String(e.pull_request?.base?.ref ?? ""))' "$GITHUB_EVENT_PATH")
fi
if [ -z "$base" ]; then
  echo "eqplan: not a pull request, so there is no base branch to compare with; only the check ran."
  echo "diff-status=" >> "$output"
  echo "changes=0" >> "$output"
  exit "$check_status"
fi

# Compare with the base branch as the remote has it (fetched when the checkout was shallow).
ref="origin/$base"
if ! git rev-parse --verify --quiet "$ref^{commit}" > /dev/null; then
  git fetch --quiet --no-tags origin "$base:refs/remotes/origin/$base" 2> /dev/null || true
  git rev-parse --verify --quiet "$ref^{commit}" > /dev/null || ref=$base
fi
comment="$tmp/eqplan-diff.md"
$EQPLAN diff --base "$ref" "${plans[@]}" --format markdown --fail-on "$fail_on" -o "$comment"
diff_status=$?
$EQPLAN diff --base "$ref" "${plans[@]}" --format github --fail-on "$fail_on"
changes=$($EQPLAN diff --base "$ref" "${plans[@]}" --format json 2> /dev/null | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { try { const j = JSON.parse(s); process.stdout.write(String(j.files.reduce((n, f) => n + f.changes.length, 0))); } catch { process.stdout.write("0"); } })')
echo "diff-status=$diff_status" >> "$output"
echo "changes=$changes" >> "$output"
if [ -f "$comment" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$comment" >> "$GITHUB_STEP_SUMMARY"; fi

# One comment per pull request, updated in place: found by the marker on its first line.
if [ "${INPUT_COMMENT:-true}" = "true" ] && [ -n "$pr" ] && [ -f "$comment" ]; then
  if ! command -v gh > /dev/null 2>&1; then
    echo "eqplan: the GitHub CLI (gh) is not installed on this runner, so no comment was posted; the job summary has the changes."
  else
    id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --paginate --jq '.[] | select(.body | startswith("<!-- eqplan-diff -->")) | .id' | head -n 1)
    if [ -n "$id" ]; then
      gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$comment" > /dev/null || echo "eqplan: could not update the pull-request comment (does the token have pull-requests: write?)."
    else
      gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$comment" > /dev/null || echo "eqplan: could not post the pull-request comment (does the token have pull-requests: write?)."
    fi
  fi
fi

worst=$check_status
[ "$diff_status" -gt "$worst" ] && worst=$diff_status
exit "$worst"
