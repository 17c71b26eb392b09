//! The date forms: one pattern per way of writing a date, in the order
//! they are tried. Alternatives are ordered longest form first: at one
//! position the first form that matches wins, so "July 4, 2025" must be
//! tried before "July 4" and "2025".
//!
//! Plain Rust with no dependencies: `build.rs` includes this file too, to
//! build the automaton that finds them ahead of time.

/// Spaces inside a date: plain, tab, and the no-break space of web copy.
/// Written as alternatives, not as one Unicode class: each Unicode class
/// costs the compiler a fresh UTF-8 table, and these occur dozens of times.
pub(super) const S: &str = r"(?:[\ \t]|(?u:\u{a0}))+";
pub(super) const SO: &str = r"(?:[\ \t]|(?u:\u{a0}))*";

pub(super) const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)";
pub(super) const MONTH_FULL: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
pub(super) const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?)";
pub(super) const WEEKDAY_FULL: &str =
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
pub(super) const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])";
pub(super) const ORD: &str = r"(?:st|nd|rd|th)";
pub(super) const YEAR: &str = r"(?:1[0-9]{3}|2[01][0-9]{2})";
/// Digits of a year with an era beside it: "44 BC", "10,000 BC", "AD 79".
pub(super) const ERA_YEAR: &str = r"(?:[0-9]{1,2},[0-9]{3}|[0-9]{1,5})";
/// An era after a year, upper case only ("44 bc" is no era). A dotted
/// one ends in a full stop, so no word boundary can follow it.
pub(super) const ERA_AFTER: &str =
    r"(?:(?-i:BCE|BC|AD|CE)(?-u:\b)|(?-i:B\.C\.E\.|B\.C\.|A\.D\.|C\.E\.))";
/// An era before a year: "AD 79".
pub(super) const ERA_BEFORE: &str = r"(?:(?-i:AD|A\.D\.))";
/// Four digits beside a month that [`YEAR`] leaves out, and longer runs:
/// "January 1, 0000", "May 5, 0999", "March 3, 2500", "1 June 10000".
/// Whether they are a year or a count ("May 5, 2500 people") is left to
/// the parser, which sees the words after them.
pub(super) const ODD_YEAR: &str = r"(?:0[0-9]{3}|2[2-9][0-9]{2}|[3-9][0-9]{3}|[1-9][0-9]{4,5})";
/// Day numbers as words, ordinal or cardinal: "the twenty-first", "May twenty nine".
/// Ordinal day words only: "on the second".
pub(super) const ORD_WORD: &str = r"(?:(?:twenty|thirty)[-\ ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
pub(super) const DAY_WORD: &str = r"(?:(?:twenty|thirty)[-\ ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|eleven|twelve|one|two|three|four|five|six|seven|eight|nine|ten)";
/// Years as words: "nineteen ninety six", "two thousand and fifteen".
/// A pair like "twenty one" is left to be a day: a year needs a
/// thousand, a hundred, or a second pair ("twenty twenty").
/// Early years in words, after "year": "year two hundred and sixty seven".
pub(super) const HUNDREDS_WORDS: &str = r"(?:(?:one|two|three|four|five|six|seven|eight|nine)[-\ ]hundred(?:[-\ ]and)?(?:[-\ ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:one|two|three|four|five|six|seven|eight|nine)))?)";
pub(super) const YEAR_WORDS: &str = r"(?:(?:one|two)[-\ ]thousand(?:[-\ ](?:nine|eight|seven)[-\ ]hundred)?(?:[-\ ]and)?(?:[-\ ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:one|two|three|four|five|six|seven|eight|nine)))?|(?:twenty|nineteen|eighteen|seventeen|sixteen)(?:[-\ ]hundred(?:[-\ ]and)?(?:[-\ ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:one|two|three|four|five|six|seven|eight|nine)))?|[-\ ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:oh|zero)[-\ ](?:one|two|three|four|five|six|seven|eight|nine))))";
pub(super) const COUNT: &str = r"(?:[0-9]{1,3}|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a[\ \t]+few|few|several|a[\ \t]+couple[\ \t]+of|a[\ \t]+couple|couple[\ \t]+of)";
pub(super) const UNIT: &str =
    r"(?:(?:business|working)[\ \t]+days?|days?|weeks?|fortnights?|months?|years?|decades?)";
pub(super) const SHIFT: &str = r"(?:this[\ \t]+coming|this[\ \t]+upcoming|this[\ \t]+past|this|last|next|past|previous|coming|upcoming|following|current)";
pub(super) const HOLIDAY: &str = r"(?:christmas(?:[\ \t]+(?:day|eve))?|xmas|new[\ \t]+year(?:'|(?u:’))?s?[\ \t]+(?:day|eve)|new[\ \t]+year(?:'|(?u:’))s|easter(?:[\ \t]+(?:sunday|monday))?|good[\ \t]+friday|thanksgiving(?:[\ \t]+day)?|independence[\ \t]+day|halloween|valentine(?:'|(?u:’))?s?[\ \t]+day|labou?r[\ \t]+day|memorial[\ \t]+day|veterans(?:'|(?u:’))?[\ \t]+day|boxing[\ \t]+day|(?:saint|st\.?)[\ \t]+patrick(?:'|(?u:’))?s?(?:[\ \t]+day)?|black[\ \t]+friday|earth[\ \t]+day|(?:international[\ \t]+)?workers(?:'|(?u:’))?[\ \t]+day|mother(?:'|(?u:’))?s[\ \t]+day|father(?:'|(?u:’))?s[\ \t]+day|(?:martin[\ \t]+luther[\ \t]+king(?:[\ \t]+jr\.?)?|mlk)[\ \t]+day|presidents(?:'|(?u:’))?[\ \t]+day|canada[\ \t]+day|bastille[\ \t]+day|australia[\ \t]+day)";

/// The date forms, one pattern each, in the order they are tried: at one
/// position the first form that matches wins.
pub(super) fn forms() -> Vec<String> {
    let b = r"(?-u:\b)";
    let (month, weekday, day, ord, year) = (MONTH, WEEKDAY, DAY, ORD, YEAR);
    let (day_word, count, unit, shift) = (DAY_WORD, COUNT, UNIT, SHIFT);
    let wd_full = WEEKDAY_FULL;
    let month_full = MONTH_FULL;
    let amount = format!(r"(?:{count}{S}{unit}(?:(?:,{SO}|{S}and{S}|{S}){count}{S}{unit}){{0,3}})");
    // A year after a month or day: ", 2025", " of 1987", " in 2020", "'87".
    let year_tail = format!(
        r"(?P<YT>(?:{SO},{SO}|{S}(?:of{S}|in{S})?)(?:(?P<YEN>{ERA_YEAR}){SO}(?P<YEB>{ERA_AFTER})|(?P<YEA>{ERA_BEFORE}){SO}(?P<YEP>{ERA_YEAR})(?-u:\b)|(?P<Y>{year}|{YEAR_WORDS})(?-u:\b)|(?P<YODD>{ODD_YEAR})(?-u:\b))|{SO}(?:'|(?u:’))(?P<YY>[0-9]{{2}})(?-u:\b)|{S}(?P<YREL>this|last|next){S}year(?-u:\b))"
    );
    let tail = |p: &str| year_tail.replace("P<Y", &format!("P<{p}_Y"));
    let mdr_tail = tail("mdr");
    let dmr_tail = tail("dmr");
    let md_tail = tail("md");
    let dm_tail = tail("dm");
    [
        // ranges of days: July 1-5, 2025 | 1 to 5 July
        format!(r"{b}(?P<mdr>(?P<mdr_m>{month}){S}(?P<mdr_a>{day}){ord}?{SO}(?:-|(?u:–)|to|through|until|and){SO}(?P<mdr_b>{day}){ord}?(?:{mdr_tail})?){b}"),
        format!(r"{b}(?P<dmr>(?P<dmr_a>{day}){ord}?{SO}(?P<dmr_c>-|(?u:–)|to|and){SO}(?P<dmr_b>{day}){ord}?{S}(?:of{S})?(?P<dmr_m>{month})(?:{dmr_tail})?)(?:{b}|(?u:[^a-z])|$)"),
        // ranges of years: 2001-2004, 2010-11
        format!(r"{b}(?P<yr>(?P<yr_a>{year}){SO}(?P<yr_sep>(?:[-/]|(?u:–))){SO}(?P<yr_b>{year}|[0-9]{{1,2}})){b}(?:(?u:[^-–/.0-9])|[.](?u:[^0-9])|[.]?$)"),
        // 2025-07-04, 2015.5.13, 2019/aug/01, 20161016
        format!(r"{b}(?P<iso>(?P<iso_y>{year}|0[0-9]{{3}})(?P<iso_s>[-/.])(?:(?P<iso_m>[01]?[0-9])|(?P<iso_mw>{month}))[-/.](?P<iso_d>[0-3]?[0-9])){b}(?:(?u:[^-/0-9])|-(?u:[^0-9])|-?$)"),
        format!(r"{b}(?P<compact>(?P<cp_y>(?:19|20)[0-9]{{2}})(?P<cp_m>0[1-9]|1[0-2])(?P<cp_d>0[1-9]|[12][0-9]|3[01])){b}"),
        // 7/4/2025, 4.7.2025, 23/08/39, 05-Aug-2016, Sep-23-2020
        format!(r"{b}(?P<num>(?:(?P<num_wd>{weekday}),?{S})?(?P<num_a>[0-3]?[0-9])(?P<sep>[/.\-])(?:(?P<num_b>[0-3]?[0-9])|(?P<num_bm>{month}))(?:(?P<sep2>[/.\-])|,)(?P<num_y>[0-9]{{4}}|[0-9]{{2}})){b}(?:(?u:[^-/.0-9])|[.](?u:[^0-9])|[.]?$)"),
        format!(r"{b}(?P<num3>(?P<n3_m>{month})(?P<n3_s>[-/])(?P<n3_d>{day})[-/](?P<n3_y>{year})){b}"),
        // 11/2016, 3/2015, 11 - 2016
        format!(r"{b}(?P<nmy>(?P<nmy_m>1[0-2]|0?[1-9]){SO}[-/]{SO}(?P<nmy_y>{year})){b}(?:(?u:[^-/.0-9])|[.](?u:[^0-9])|[.]?$)"),
        // (Friday) 4/22, 22/04, 5.12: read only where a date is expected
        format!(r"{b}(?P<nmd>(?:(?:(?:this|next|last|coming){S})?(?P<nmd_wd>{weekday}),?{S})?(?P<nmd_a>[0-3]?[0-9])(?P<nmd_s>[/.\-])(?P<nmd_b>[0-3]?[0-9])){b}(?:(?u:[^-/.0-9%])|[.](?u:[^0-9])|[.]?$)"),
        // April 2025, April of 1987, Dec-2018, October two thousand and five, June next year
        // March 44 BC, March 0000: a year the calendar cannot hold is read too,
        // so that the month is never put in the document's year.
        format!(r"{b}(?P<my>(?P<my_m>{month})(?:(?:{SO},?{S}(?:of{S})?|[-/]|{S}of{S})(?:(?P<my_en>{ERA_YEAR}){SO}(?P<my_eb>{ERA_AFTER})|(?:(?P<my_ea>{ERA_BEFORE}){SO}(?P<my_ep>{ERA_YEAR})|(?P<my_y>{year})|(?P<my_yw>{YEAR_WORDS})|(?P<my_odd>{ODD_YEAR})){b})|{S}(?P<my_rel>this|last|next){S}year{b}))"),
        // (Thursday,) July 4(th)(,) (2025 | this year) | Oct2 | May twenty nine
        format!(r"{b}(?P<md>(?:(?P<md_wd>{weekday}),?{S})?(?P<md_m>{month})(?:{SO}[-/,]{SO}|{S}(?:the{S})?|\.{SO}|)(?:(?P<md_d>{day}){ord}?|(?P<md_dw>{day_word})){b}(?:{md_tail})?)(?:(?u:[^0-9:])|$)"),
        // (Thursday,) (the) 4(th) (day) (of) July(,) (2025) | 16. Nov. 2016 | second of Aug
        format!(r"{b}(?P<dm>(?:(?P<dm_wd>{weekday}),?{S})?(?:the{S})?(?:(?P<dm_d>{day}){ord}?\.?|(?P<dm_dw>{day_word})){SO}[-/]?{SO}(?:day{S})?(?:of{S})?(?P<dm_m>{month})(?:{dm_tail})?)(?:{b}|(?u:[^a-z])|$)"),
        // the first Friday of July, the second Monday of next month
        format!(r"{b}(?P<nth>(?:the{S})?(?P<nth_n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th){S}(?P<nth_wd>{wd_full}){S}(?:of|in){S}(?:(?P<nth_rel>this|next|last|previous|the{S}following|the{S}previous){S}month|(?P<nth_m>{month})(?:,?{S}(?P<nth_y>{year}))?)){b}"),
        format!(r"{b}(?P<nthb>(?:the{S})?(?P<nthb_n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th){S}(?P<nthb_wd>{wd_full})){b}"),
        // the 15th (day) of next month, the 21st this month
        format!(r"{b}(?P<dp>(?:the{S})?(?:(?P<dp_d>{day}){ord}|(?P<dp_dw>{day_word}))(?:{S}day)?{S}(?:of{S})?(?:the{S})?(?P<dp_rel>this|next|last|previous|the|current){S}month){b}"),
        // 2017 april, 2016, nov
        format!(r"{b}(?P<ym>(?P<ym_y>{year}){SO},?{SO}(?P<ym_m>{month})){b}"),
        // the 1980s, the mid-1990s, the '90s
        format!(r"{b}(?P<decade>(?:the{S})?(?:(?P<dec_part>early|mid|late)[-\ ]?)?(?:(?:'|(?u:’))(?P<dec_yy>[0-9]0)|(?P<dec_y>1[0-9]{{2}}0|20[0-9]0|[0-9]0))(?u:(?:'|’))?s){b}"),
        // summer 2024, the first quarter of 2013, last winter, Q3 2025
        format!(r"{b}(?P<season>(?:(?P<sea_shift>{shift}){S}|(?P<sea_the>the){S})?(?:(?P<sea_part>early|mid|late)[-\ ]?)?(?P<sea>spring|summer|autumn|fall|winter)(?:(?:{SO},?{S}|{S}of{S})(?P<sea_y>{year})|{S}of{S}(?P<sea_yw>{YEAR_WORDS}))?){b}"),
        format!(r"{b}(?P<qtr>(?:(?P<q_yb>{year}){S})?(?:the{S})?(?P<q_n>first|second|third|fourth|final|1st|2nd|3rd|4th){S}(?P<q_kind>quarter|half)(?:{S}(?:of{S})?(?:(?P<q_y>{year})|(?P<q_rel>this|last|next){S}year|the{S}(?:year|current{S}year)|(?P<q_yw>{YEAR_WORDS})))?){b}"),
        format!(r"{b}(?P<qq>(?P<qq_k>Q|H)(?P<qq_n>[1-4]){SO}(?:(?P<qq_y>{year})|(?:'|(?u:’))?(?P<qq_yy>[0-9]{{2}}))?){b}"),
        // holidays: Christmas, Easter 2018, last Easter, Independence Day of this year
        format!(r"{b}(?P<hol>(?:(?P<hol_shift>{shift}){S})?(?P<holiday>{HOLIDAY})(?:(?:{SO},?{S}(?:of{S})?|{S}of{S})(?P<hol_y>{year})|{S}of{S}(?P<hol_rel>this|last|next){S}year)?){b}"),
        // over the weekend
        format!(r"{b}(?P<wkend>(?:over|during|on|at|at{S}the{S}end{S}of|for){S}the{S}weekend){b}"),
        // the day before yesterday, today, tomorrow
        format!(r"{b}(?P<rd>(?:(?P<rd_pre>the{S}day{S}(?:before|after)){S})?(?P<rel_day>today|yesterday|tomorrow|tonight|tmrw|this{S}(?:morning|afternoon|evening)|last{S}night)){b}"),
        // Tuesday of next week, next week on Friday, this week Friday
        format!(r"{b}(?P<wk>(?P<wk_s1>{shift}){S}week(?:{SO}-{SO}|,?{S}(?:on{S})?)(?P<wk_wd1>{weekday})|(?P<wk_wd2>{wd_full})(?:,?{S}(?:of{S})?(?:the{S})?)(?P<wk_s2>{shift}){S}week){b}"),
        // (earlier) this year, last month, the end of the year, year to date
        format!(r"{b}(?P<period>(?:(?P<per_part>earlier|later|early|late|mid|(?:the{S})?(?:end|start|beginning|middle)(?:{S}of)?){S})?(?P<per_shift>{shift}){S}(?:calendar{S}|fiscal{S})?(?P<per_unit>year|month|week|decade|quarter|weekend)){b}"),
        format!(r"{b}(?P<per2>(?P<per2_part>(?:the{S})?(?:end|start|beginning|middle)){S}of{S}(?:the{S})?(?P<per2_unit>year|month)|(?P<per2_in>earlier|later){S}in{S}the{S}(?P<per2_unit2>year|month|week)|(?:the{S})?(?P<after_unit>year|month|week){S}after{S}(?:the{S})?next|(?:the{S})?(?P<ytd>year[-\ ]to[-\ ]date)|(?P<eoy>EOY|EOM)){b}"),
        // last October, next Tuesday, this coming Friday, last sept
        format!(r"{b}(?P<shifted>(?P<sh_shift>{shift}){S}(?P<sh_word>{wd_full}|{month})){b}"),
        // four years ago, two days later, 2 weeks before (Christmas), in 2 weeks
        format!(r"{b}(?P<ago>(?:(?P<ago_approx>nearly|almost|about|around|some|roughly|over|more{S}than|less{S}than|just|only){S})?(?P<ago_n>{amount}){S}(?P<ago_dir>ago|earlier|later|before|after|from{S}now|from|hence|back|prior{S}to))(?:{b}|$)"),
        format!(r"{b}(?P<nwd>(?P<nwd_n>{count}){S}(?P<nwd_wd>{wd_full})s?{S}(?P<nwd_dir>from{S}now|later|hence|ago|back)){b}"),
        format!(r"{b}(?P<inn>in{S}(?P<in_n>{amount})(?:(?:'|(?u:’))s?{S}time)?){b}"),
        // Friday 31, Mon 13th, Tuesday the eleventh
        format!(r"{b}(?P<wdd>(?P<wdd_wd>{weekday}),?{S}(?:the{S}(?:(?P<wdd_d>{day}){ord}?|(?P<wdd_dw>{day_word}))|(?P<wdd_d2>{day}){ord}?)){b}(?:(?u:[^a-z0-9:])|$)"),
        // on Thursday
        format!(r"{b}(?P<wd>{weekday}){b}"),
        // in April, since August, early September, in may.
        format!(r"{b}(?P<mprep>in|since|until|till|by|from|during|early|late|mid|through|before|after|of|between|throughout)(?:{S}|-)(?:the{S})?(?:month{S}of{S}|early{S}|late{S}|mid-?)?(?P<mo_m>{month_full}|(?:Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?){b}"),
        // the 4th, the 27.
        format!(r"{b}(?P<dom>the{S}(?:(?P<dom_d>{day})(?P<dom_o>{ord})?|(?P<dom_w>{ORD_WORD}))){b}"),
        format!(r"{b}on{S}(?P<onday>{day})(?:[.!?;](?:[\ \t\n]|$)|$)"),
        format!(r"{b}(?P<bmonth>January|February|August|September|October|November|December){b}"),
        // 44 BC, 3000 B.C.E., AD 79, 79 CE
        format!(r"{b}(?P<eyear>(?P<ey_n>{ERA_YEAR}){SO}(?P<ey_era>{ERA_AFTER})|(?P<ey_ad>{ERA_BEFORE}){SO}(?P<ey_p>{ERA_YEAR}){b})"),
        format!(r"{b}(?P<yearn>year{S}(?:(?P<yn>[0-9]{{3,4}})|(?P<ynw>{YEAR_WORDS}|{HUNDREDS_WORDS}))){b}"),
        // in 1979, in nineteen ninety six
        format!(r"{b}(?P<year>{year}){b}"),
        format!(r"{b}(?P<wyear>(?:in|since|of|until|by){S}(?P<wy>{YEAR_WORDS})){b}"),
    ]
    .into_iter()
    .map(|form| format!("(?xi){form}"))
    .collect()
}
