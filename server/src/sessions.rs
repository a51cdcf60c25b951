//! Named HTTP sessions (spec/http.md §11): a `granary_engine::Session` per
//! `session_id`, kept for `session_timeout` seconds (default 60, at most
//! 3600) after its last use; one query at a time per session (a concurrent
//! one gets 373 SESSION_IS_LOCKED); `session_check=1` asks for an existing
//! session (372 SESSION_NOT_FOUND). Expired sessions are dropped by a sweeper.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use granary_engine::{Database, Session};
use parking_lot::Mutex;

use crate::errors::HttpError;

/// Default and maximum `session_timeout`, seconds.
pub const DEFAULT_TIMEOUT: u64 = 60;
pub const MAX_TIMEOUT: u64 = 3600;

struct Entry {
    session: Arc<tokio::sync::Mutex<Session>>,
    timeout: Duration,
    last_used: Instant,
}

/// All named sessions of the server.
#[derive(Default)]
pub struct Sessions {
    map: Mutex<HashMap<String, Entry>>,
}

/// A session locked for one query; the lock is released on drop.
pub type SessionGuard = tokio::sync::OwnedMutexGuard<Session>;

impl Sessions {
    /// Locks the session `id` for one query, creating it unless `check`.
    pub fn acquire(&self, db: &Database, id: &str, timeout: u64, check: bool) -> Result<SessionGuard, HttpError> {
        let now = Instant::now();
        let timeout = Duration::from_secs(timeout.min(MAX_TIMEOUT));
        let mut map = self.map.lock();
        let expired = map.get(id).is_some_and(|e| now.duration_since(e.last_used) > e.timeout);
        if expired {
            map.remove(id);
        }
        let entry = match map.get_mut(id) {
            Some(e) => e,
            None if check => {
                return Err(HttpError::new(372, "SESSION_NOT_FOUND", format!("Session {id} not found")));
            }
            None => map.entry(id.to_string()).or_insert_with(|| Entry {
                session: Arc::new(tokio::sync::Mutex::new(db.session())),
                timeout,
                last_used: now,
            }),
        };
        entry.timeout = timeout;
        entry.last_used = now;
        entry.session.clone().try_lock_owned().map_err(|_| {
            HttpError::new(373, "SESSION_IS_LOCKED", format!("Session {id} is locked by a concurrent client"))
        })
    }

    /// Marks a session used now (its timeout restarts when a query ends).
    pub fn touch(&self, id: &str) {
        if let Some(e) = self.map.lock().get_mut(id) {
            e.last_used = Instant::now();
        }
    }

    /// Drops a session (`close_session=1`).
    pub fn close(&self, id: &str) {
        self.map.lock().remove(id);
    }

    /// Drops every session idle for longer than its timeout (not those running a query).
    pub fn sweep(&self) {
        let now = Instant::now();
        self.map
            .lock()
            .retain(|_, e| now.duration_since(e.last_used) <= e.timeout || Arc::strong_count(&e.session) > 1);
    }

    /// Number of live sessions.
    pub fn len(&self) -> usize {
        self.map.lock().len()
    }

    /// Whether there is no session.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_query_at_a_time_and_expiry() {
        let db = Database::in_memory();
        let sessions = Sessions::default();
        let guard = sessions.acquire(&db, "s", 60, false).expect("first");
        let Err(e) = sessions.acquire(&db, "s", 60, false) else { panic!("the session should be locked") };
        assert_eq!((e.code, e.name), (373, "SESSION_IS_LOCKED"));
        drop(guard);
        assert!(sessions.acquire(&db, "s", 60, true).is_ok());
        let Err(e) = sessions.acquire(&db, "other", 60, true) else { panic!("no such session") };
        assert_eq!((e.code, e.name), (372, "SESSION_NOT_FOUND"));
        // A zero timeout expires at once; the sweeper drops it.
        drop(sessions.acquire(&db, "short", 0, false).expect("short"));
        std::thread::sleep(Duration::from_millis(5));
        sessions.sweep();
        assert_eq!(sessions.len(), 1);
        sessions.close("s");
        assert!(sessions.is_empty());
    }
}
