//! A live round's room: the join code, the seats taken, what each student submitted, and
//! what the teacher allows. Plain data and rules, with no network in it: the server asks
//! the room, the window shows it, and Close turns it into students' readings.

use std::collections::BTreeMap;

use crate::model::{Origin, Perspective, PerspectiveKind, Scale, Scenario, Score, ScoreValue};

/// The letters a join code is made of: no 0/O, 1/I/L, which a class misreads off a screen.
const CODE_LETTERS: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Letters in a join code.
pub const CODE_LEN: usize = 5;
/// The longest name a student may give (characters).
pub const NAME_MAX: usize = 60;
/// The longest reason a student may write for a cell (characters).
pub const REASON_MAX: usize = 600;
/// A weight slider's top: weights are whole numbers from 0 to this.
pub const WEIGHT_MAX: u32 = 10;

/// What the teacher chose when starting the round.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// At most this many students may join.
    pub seats: usize,
    /// Students are not asked their names ("Student 1", "Student 2", …).
    pub anonymous: bool,
    /// Students may score cells (with a reason), not only set weights.
    pub scores: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seats: 40,
            anonymous: false,
            scores: true,
        }
    }
}

/// One student's answers: a weight per criterion, and the cells they scored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ballot {
    /// Weight (0–[`WEIGHT_MAX`]) by criterion id.
    pub weights: BTreeMap<String, u32>,
    /// (criterion id, proposal id) → the value chosen and the reason given.
    pub scores: BTreeMap<(String, String), (Option<ScoreValue>, String)>,
}

/// A student who joined.
#[derive(Clone, Debug, PartialEq)]
pub struct Seat {
    /// The secret the student's page sends back with each submission.
    pub token: String,
    /// The name given (or "Student n" in an anonymous round).
    pub name: String,
    /// The last ballot submitted, if any.
    pub ballot: Option<Ballot>,
    /// How many times they submitted.
    pub submissions: u32,
}

/// Why a student could not join.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    /// The code typed is not this round's.
    #[error("That code is not this round's. Check the code on the board and type it again.")]
    WrongCode,
    /// Every seat is taken.
    #[error("The round is full. Ask your teacher to make room.")]
    Full,
    /// The teacher locked the room.
    #[error("The room is locked: no one new can join now.")]
    Locked,
    /// The round has ended.
    #[error("This round has ended.")]
    Closed,
    /// A name is needed and none was given.
    #[error("Type your name, so that your teacher knows whose answers these are.")]
    NoName,
}

/// Why a submission was not taken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    /// No seat has this token (never joined, or a made-up one).
    #[error("This page is not part of the round any more. Join again with the code.")]
    UnknownSeat,
    /// The round has ended.
    #[error("This round has ended: your last answers were kept.")]
    Closed,
    /// A field is not one the form has, or its value is not one it offers.
    #[error("Something in the form was not understood ({0}); nothing was changed.")]
    Malformed(String),
}

/// A live round's room.
#[derive(Clone, Debug)]
pub struct Room {
    /// The join code.
    pub code: String,
    /// What the teacher allows.
    pub settings: Settings,
    /// No one new may join.
    pub locked: bool,
    /// Students may see the class's results.
    pub revealed: bool,
    /// The round is over: nothing more is taken.
    pub closed: bool,
    /// The students who joined, in the order they came.
    pub seats: Vec<Seat>,
    /// Grows with every change, so that the window knows when to look again.
    pub version: u64,
    /// The scenario as handed out: what the page shows and what answers are checked against.
    template: Scenario,
}

impl Room {
    /// A new room for `template` with a fresh join code.
    pub fn new(template: Scenario, settings: Settings) -> Room {
        Room {
            code: new_code(),
            settings,
            locked: false,
            revealed: false,
            closed: false,
            seats: Vec::new(),
            version: 0,
            template,
        }
    }

    /// The scenario the students see.
    pub fn template(&self) -> &Scenario {
        &self.template
    }

    /// How many students joined, and how many of them submitted.
    pub fn counts(&self) -> (usize, usize) {
        let submitted = self.seats.iter().filter(|s| s.ballot.is_some()).count();
        (self.seats.len(), submitted)
    }

    /// Whether `code` is this round's (case and spaces ignored, as people type them).
    pub fn code_matches(&self, code: &str) -> bool {
        let typed: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_uppercase)
            .collect();
        typed == self.code
    }

    /// Seats a student who typed `code` and `name`; gives the seat's token.
    pub fn join(&mut self, code: &str, name: &str) -> Result<String, JoinError> {
        if self.closed {
            return Err(JoinError::Closed);
        }
        if !self.code_matches(code) {
            return Err(JoinError::WrongCode);
        }
        if self.locked {
            return Err(JoinError::Locked);
        }
        if self.seats.len() >= self.settings.seats {
            return Err(JoinError::Full);
        }
        let name = if self.settings.anonymous {
            format!("Student {}", self.seats.len() + 1)
        } else {
            let name: String = name
                .chars()
                .filter(|c| !c.is_control())
                .take(NAME_MAX)
                .collect();
            let name = name.trim().to_owned();
            if name.is_empty() {
                return Err(JoinError::NoName);
            }
            name
        };
        let token = new_token();
        self.seats.push(Seat {
            token: token.clone(),
            name,
            ballot: None,
            submissions: 0,
        });
        self.version += 1;
        Ok(token)
    }

    /// The seat holding `token`.
    pub fn seat(&self, token: &str) -> Option<&Seat> {
        self.seats.iter().find(|s| s.token == token)
    }

    /// Takes a submitted form's fields (name, value pairs) from the student holding
    /// `token`: it replaces their previous ballot whole, or, if anything in it is not what
    /// the form offers, nothing changes.
    pub fn submit(&mut self, token: &str, fields: &[(String, String)]) -> Result<(), SubmitError> {
        if self.closed {
            return Err(SubmitError::Closed);
        }
        let i = self
            .seats
            .iter()
            .position(|s| s.token == token)
            .ok_or(SubmitError::UnknownSeat)?;
        let ballot = self.read_ballot(fields)?;
        let seat = &mut self.seats[i];
        seat.ballot = Some(ballot);
        seat.submissions += 1;
        self.version += 1;
        Ok(())
    }

    /// A ballot from the form's fields: `w.<k>` the weight of criterion k, `s.<k>.<p>` the
    /// value of criterion k for proposal p (empty: as handed out), `r.<k>.<p>` a reason
    /// (indices into the template, which stays fixed while the round runs: the page stays
    /// small); `token` is the seat's. Anything else, or a value out of range, is refused.
    fn read_ballot(&self, fields: &[(String, String)]) -> Result<Ballot, SubmitError> {
        let s = &self.template;
        let bad = |what: &str| SubmitError::Malformed(what.chars().take(40).collect());
        let mut ballot = Ballot::default();
        for (name, value) in fields {
            if name == "token" {
                continue;
            }
            if let Some(k) = name.strip_prefix("w.") {
                let c = k
                    .parse::<usize>()
                    .ok()
                    .and_then(|k| s.criteria.get(k))
                    .ok_or_else(|| bad(name))?;
                let w: u32 = value.trim().parse().map_err(|_| bad(name))?;
                if w > WEIGHT_MAX {
                    return Err(bad(name));
                }
                ballot.weights.insert(c.id.clone(), w);
            } else if let Some(cell) = name.strip_prefix("s.") {
                let (k, p) = self.cell(cell).ok_or_else(|| bad(name))?;
                if !self.settings.scores {
                    return Err(bad(name));
                }
                if value.is_empty() {
                    continue;
                }
                let v = parse_value(&s.criteria[k].scale, value).ok_or_else(|| bad(name))?;
                let key = (s.criteria[k].id.clone(), s.proposals[p].id.clone());
                ballot.scores.entry(key).or_default().0 = Some(v);
            } else if let Some(cell) = name.strip_prefix("r.") {
                let (k, p) = self.cell(cell).ok_or_else(|| bad(name))?;
                if !self.settings.scores {
                    return Err(bad(name));
                }
                let reason: String = value
                    .chars()
                    .filter(|c| !c.is_control() || *c == '\n')
                    .take(REASON_MAX)
                    .collect();
                let reason = reason.trim().to_owned();
                if reason.is_empty() {
                    continue;
                }
                let key = (s.criteria[k].id.clone(), s.proposals[p].id.clone());
                ballot.scores.entry(key).or_default().1 = reason;
            } else {
                return Err(bad(name));
            }
        }
        Ok(ballot)
    }

    /// The (criterion, proposal) indices of a field's `<k>.<p>` part.
    fn cell(&self, both: &str) -> Option<(usize, usize)> {
        let (k, p) = both.split_once('.')?;
        let (k, p): (usize, usize) = (k.parse().ok()?, p.parse().ok()?);
        (k < self.template.criteria.len() && p < self.template.proposals.len()).then_some((k, p))
    }

    /// Every student who submitted, as a student's reading of `current` (the document as
    /// it is when the round closes): their weights, and a reading for each cell they scored
    /// or gave a reason for. Criteria or proposals no longer in the document are left out.
    pub fn readings(&self, current: &Scenario) -> Vec<Perspective> {
        let mut taken = current.clone();
        let mut out = Vec::new();
        for seat in &self.seats {
            let Some(ballot) = &seat.ballot else {
                continue;
            };
            let weights = ballot
                .weights
                .iter()
                .filter(|(c, _)| current.criterion_index(c).is_some())
                .map(|(c, w)| (c.clone(), f64::from(*w)))
                .collect();
            let readings = ballot
                .scores
                .iter()
                .filter(|((c, p), _)| {
                    current.criterion_index(c).is_some() && current.proposal_index(p).is_some()
                })
                .map(|((c, p), (value, reason))| {
                    let mut score = current.score(c, p).cloned().unwrap_or_else(|| Score {
                        criterion: c.clone(),
                        proposal: p.clone(),
                        ..Score::default()
                    });
                    score.evidence.clear();
                    if value.is_some() {
                        score.set_value(*value);
                    }
                    score.rationale = reason.clone();
                    score.reason_written_for = None;
                    score
                })
                .collect();
            let p = Perspective {
                id: taken.fresh_id(&seat.name),
                name: seat.name.clone(),
                description: format!("Answered in the live round {}", self.code),
                kind: PerspectiveKind::Student,
                origin: Origin {
                    author: seat.name.clone(),
                    file: format!("live round {}", self.code),
                },
                weights,
                readings,
                ..Perspective::default()
            };
            taken.perspectives.push(p.clone());
            out.push(p);
        }
        out
    }

    /// The document with every ballot so far added as readings: what the round view shows
    /// while the round runs.
    pub fn with_readings(&self, current: &Scenario) -> Scenario {
        let mut s = current.clone();
        s.perspectives.extend(self.readings(current));
        s
    }
}

/// A value of `scale` as the form sends it: a level's number, "yes"/"no", a number, or
/// "silent".
pub fn parse_value(scale: &Scale, text: &str) -> Option<ScoreValue> {
    if text == "silent" {
        return Some(ScoreValue::Silent);
    }
    match scale {
        Scale::Levels(levels) => {
            let i: u32 = text.parse().ok()?;
            ((i as usize) < levels.len()).then_some(ScoreValue::Level(i))
        }
        Scale::YesNo => match text {
            "yes" => Some(ScoreValue::Bool(true)),
            "no" => Some(ScoreValue::Bool(false)),
            _ => None,
        },
        Scale::Numeric { min, max, .. } => {
            let x: f64 = text.trim().parse().ok()?;
            (x.is_finite() && x >= *min && x <= *max).then_some(ScoreValue::Number(x))
        }
    }
}

/// A fresh join code.
fn new_code() -> String {
    let mut bytes = [0u8; CODE_LEN];
    random(&mut bytes);
    bytes
        .iter()
        .map(|b| CODE_LETTERS[*b as usize % CODE_LETTERS.len()] as char)
        .collect()
}

/// A seat's secret: 128 random bits in hex.
fn new_token() -> String {
    let mut bytes = [0u8; 16];
    random(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Fills `bytes` from the system's random source.
fn random(bytes: &mut [u8]) {
    crate::platform::random_bytes(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(settings: Settings) -> Room {
        Room::new(crate::seeds::default_scenario().unwrap(), settings)
    }

    #[test]
    fn a_code_is_five_unambiguous_letters_and_new_each_time() {
        let a = room(Settings::default());
        let b = room(Settings::default());
        assert_eq!(a.code.len(), CODE_LEN);
        assert!(a.code.bytes().all(|c| CODE_LETTERS.contains(&c)));
        assert_ne!(
            a.code, b.code,
            "(one chance in 28 million of a false failure)"
        );
        assert!(a.code_matches(&format!(" {} ", a.code.to_lowercase())));
    }

    #[test]
    fn joining_needs_the_code_a_seat_and_a_name() {
        let mut r = room(Settings {
            seats: 1,
            ..Settings::default()
        });
        let code = r.code.clone();
        assert_eq!(r.join("WRONG", "Ada"), Err(JoinError::WrongCode));
        assert_eq!(r.join(&code, "  "), Err(JoinError::NoName));
        let token = r.join(&code, "Ada\u{7}").unwrap();
        assert_eq!(r.seat(&token).unwrap().name, "Ada");
        assert_eq!(r.join(&code, "Bea"), Err(JoinError::Full));
        r.settings.seats = 5;
        r.locked = true;
        assert_eq!(r.join(&code, "Bea"), Err(JoinError::Locked));
        r.closed = true;
        assert_eq!(r.join(&code, "Bea"), Err(JoinError::Closed));
    }

    #[test]
    fn a_ballot_replaces_the_last_and_a_bad_one_changes_nothing() {
        let mut r = room(Settings::default());
        let code = r.code.clone();
        let t = r.join(&code, "Ada").unwrap();
        let s = r.template().clone();
        let (c, p) = (&s.criteria[0], &s.proposals[0]);
        let f = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        let good = vec![
            f("token", &t),
            f("w.0", "7"),
            f("s.0.0", "silent"),
            f("r.0.0", "The text says nothing of it."),
        ];
        r.submit(&t, &good).unwrap();
        let b = r.seat(&t).unwrap().ballot.clone().unwrap();
        assert_eq!(b.weights[&c.id], 7);
        assert_eq!(
            b.scores[&(c.id.clone(), p.id.clone())],
            (
                Some(ScoreValue::Silent),
                "The text says nothing of it.".into()
            )
        );
        for bad in [
            vec![f("w.0", "11")],
            vec![f("w.no-such-criterion", "3")],
            vec![f("w.99", "3")],
            vec![f("s.0.0", "99")],
            vec![f("s.0.99", "silent")],
            vec![f("<script>", "x")],
        ] {
            assert!(matches!(r.submit(&t, &bad), Err(SubmitError::Malformed(_))));
        }
        assert_eq!(r.seat(&t).unwrap().ballot, Some(b), "unchanged");
        assert_eq!(r.seat(&t).unwrap().submissions, 1);
        assert_eq!(r.submit("made-up", &good), Err(SubmitError::UnknownSeat));
        let readings = r.readings(&s);
        assert_eq!(readings.len(), 1);
        assert_eq!(readings[0].kind, PerspectiveKind::Student);
        assert_eq!(readings[0].weights[&c.id], 7.0);
        assert_eq!(readings[0].readings[0].value, Some(ScoreValue::Silent));
    }
}
