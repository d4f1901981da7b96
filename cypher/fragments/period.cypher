// The period filter of the reports that take one (`since`, `until`, `undated`), in one place: the
// catalog puts each fragment below where a report's statement names it (__IN_PERIOD__,
// __FACT_IN_PERIOD__), so the rule is written once.  $since and $until are ISO days, the first and
// the last day of the period (catalog.period_bound); with neither, everything lies in the period.
//
// fragment: IN_PERIOD -- whether `day`, bound by the report to the date of what it lists (a meeting's date, else its reports' first publication; a sentence's date, else its article's publication; an article's publication), lies in the period; a null `day` (nothing dates it) only with $undated
(($since IS NULL AND $until IS NULL)
 OR (day IS NULL AND $undated)
 OR (day >= coalesce($since, '') AND day <= coalesce($until, '9999')))
// fragment: FACT_IN_PERIOD -- whether the fact relationship `r` lies in the period: a piece of its evidence does (its sentence's date, else its article's publication); with no period its evidence is not read
(($since IS NULL AND $until IS NULL)
 OR EXISTS { MATCH (ev:Evidence {fact: r.key})
             WITH coalesce(ev.date, ev.published) AS day
             WHERE __IN_PERIOD__ })
