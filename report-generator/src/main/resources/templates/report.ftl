<#-- One table's report for one run, GitHub-flavoured Markdown. Every ${...} is Markdown-escaped
     (MarkdownOutputFormat), so never put one inside backticks: code spans do not unescape. -->
<#function mark s><#return {"OK": "🟩", "SAFE": "🟦", "RISKY": "🟧", "BREAKING": "🟥", "NO_DATA": "⬜", "ERROR": "🟪"}[s]></#function>
<#macro value v=""><#if v?has_content>${v}<#else>—</#if></#macro>
# ${mark(r.status.name)} ${r.status.name}: ${r.qualified}

${r.headline}. ${r.summary}

Run ${r.runTime} (${r.runId})<#if r.links.diffJson??> · [diff JSON](${r.links.diffJson})</#if> · [HTML report](${r.links.html}) · [all tables](${r.links.index})
<#if r.createdTable>

This run created the Glue table from the contract.
</#if>
<#if r.problem??>

## ${r.problem.title}

<#if r.problem.kind??>**${r.problem.kind}**: </#if>${r.problem.message}

**What to do:** ${r.problem.advice}
<#else>

| Breaking | Risky | Safe | Waived |
|---:|---:|---:|---:|
| ${r.counts.breaking} | ${r.counts.risky} | ${r.counts.safe} | ${r.counts.waived} |
</#if>

## Since the previous run

<#if !r.changes.previousRun??>
This is the first run of this table<#if r.changes.compared>: every finding is new</#if>.
<#elseif !r.changes.compared>
This run did not compare the table, so what changed since the run of ${r.changes.previousTime} (${r.changes.previousStatus.name}) is unknown.
<#elseif !r.changes.previousReadable>
Compared with the run of ${r.changes.previousTime} (${r.changes.previousStatus.name}), whose diff could not be read: new and resolved findings are unknown.
<#else>
Compared with the run of ${r.changes.previousTime} (${r.changes.previousStatus.name}): **${r.changes.added}** new, **${r.changes.persisting}** persisting, **${r.changes.resolved?size}** resolved.
</#if>
<#if r.findings?has_content>

## Findings

| Severity | Rule | Path | Expected | Actual | Why | Waiver |
|---|---|---|---|---|---|---|
<#list r.findings as f>
| **${f.severity.name}**<#if f.overridden??> (policy; default ${f.overridden})</#if><#if f.change?? && f.change == "new"> · NEW</#if> | ${f.rule} | ${f.path} | <@value f.expected/> | <@value f.actual/> | ${f.reason}<#if f.evidence??> Evidence: ${f.evidence}.</#if> | <#if f.waiver??><#if f.waiver.state == "accepted">Accepted until<#else>Expired on</#if> ${f.waiver.expires} by ${f.waiver.owner}: ${f.waiver.reason}<#else>—</#if> |
</#list>
<#elseif !r.problem??>

## Findings

None: the Glue table matches its contract.
</#if>
<#if r.changes.resolved?has_content>

## Resolved since the previous run

| Was | Rule | Path | Expected | Actual |
|---|---|---|---|---|
<#list r.changes.resolved as f>
| ${f.severity.name} | ${f.rule} | ${f.path} | <@value f.expected/> | <@value f.actual/> |
</#list>
</#if>

## What was compared

| Field | Value |
|---|---|
<#list r.compared as fact>
| ${fact.label} | ${fact.value} |
</#list>

## Last ${r.history.cells?size} run<#if r.history.cells?size != 1>s</#if>

<#list r.history.cells as c>${mark(c.status.name)}${c.status.letter}<#sep> </#list>

Oldest first; this run is the last. 🟩✓ OK · 🟦S SAFE · 🟧R RISKY · 🟥B BREAKING · ⬜– NO\_DATA · 🟪! ERROR
<#if r.unusedWaivers?has_content>

## Waivers that matched nothing

| Rule | Path | Owner | Expires | Reason |
|---|---|---|---|---|
<#list r.unusedWaivers as w>
| ${w.rule} | ${w.path} | ${w.owner} | ${w.expires} | ${w.reason} |
</#list>
</#if>
