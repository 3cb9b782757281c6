// Generated from api/openapi.yaml by `npm run gen:api`. Do not edit: change the spec and regenerate.
/* eslint-disable */
export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the API is up
         * @description Answers 200 when the server can serve requests. Monitoring and the widgets' diagnostics use it; it reads no data.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness (the process answers)
         * @description Answers 200 while the server process can answer at all. It checks nothing else, so that an outage of the database never gets healthy replicas restarted: an orchestrator restarts a replica only when this fails.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness (this replica should get traffic)
         * @description Answers 200 when this replica can serve: its database answers (within 2 s), the database has the schema
         *     this version needs (migrations done), and it is not stopping. Otherwise `503 unavailable`, with a
         *     `checks` member that says which failed (`database`: `ok` or `unreachable`; `migrations`: `ok`, `pending`
         *     or `unknown`; `accepting`: `ok` or `stopping`). A load balancer sends traffic only to ready replicas.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/halls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the service halls
         * @description Lists the halls (政务服务大厅) whose queues this server publishes, so that a page can offer a choice or configure a widget.
         */
        get: operations["listHalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/halls/{hallId}/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * Get the hall's current queue state
         * @description Returns the complete current state of a hall: opening hours, every window and every queue category.
         *     Supports conditional requests: send the last `ETag` in `If-None-Match` to get `304` while nothing changed.
         *     For live updates prefer `GET /api/v1/halls/{hallId}/events`; this endpoint is its polling fallback.
         */
        get: operations["getHallSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/halls/{hallId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * Stream live changes of the hall's queue
         * @description Opens a Server-Sent Events stream of the hall's queue (see "Live hall events" in the API description).
         *
         *     - `event: snapshot`: `data` is a `HallSnapshot` (components/schemas/HallSnapshot); `id` is its `version`.
         *       Sent first on every connection, and again whenever the server cannot resume from `Last-Event-ID`.
         *     - `event: patch`: `data` is a `HallPatch` (components/schemas/HallPatch); `id` is its `version`.
         *     - `event: heartbeat`: every `intervalMs` (at most 15 s), and at once after the opening events (alone for a
         *       client that resumes already current), after a `: hb` comment line; `data` is a `HallHeartbeat`; no `id`. A client that receives
         *       nothing for two intervals may treat the stream as dead.
         *     - `retry: 3000` at the start.
         *
         *     Resume by sending the last received id as `Last-Event-ID` (the browser's `EventSource` does this by
         *     itself) or as the `lastEventId` query parameter; the header wins when both are present. An unknown hall
         *     is answered with a `404` problem document before any stream starts.
         */
        get: operations["streamHallEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/halls/{hallId}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a queue ticket online (线上取号)
         * @description Issues a ticket in one of the hall's queue categories for today. Requires an `Idempotency-Key`: a retry
         *     with the same key and body returns the same ticket with `200` and `Idempotent-Replayed: true` instead of
         *     issuing a second one, also when several retries arrive at once. While the hall is closed the answer is
         *     `409 hall-closed`; when today's quota of online tickets for the category is used up it is
         *     `409 quota-exhausted`. An unknown `categoryId` is a `422 validation` problem pointing at `/categoryId`.
         *
         *     One client may take only part of a category's online tickets (see "Limits"): over its share the answer is
         *     `429 rate-limited` with `limit.per: day` and a `detail` that says how many it has taken and where else to
         *     get a ticket (the kiosk in the hall).
         */
        post: operations["takeTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/halls/{hallId}/tickets/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description Today's ticket number in the hall, a category prefix letter and three digits. */
                number: components["parameters"]["TicketNumber"];
            };
            cookie?: never;
        };
        /**
         * Get a ticket's place in the queue
         * @description Returns the state of one of today's tickets in the hall, whether it was taken online or at the kiosk:
         *     how many tickets are ahead, the estimated wait and, once it has been called, the window. Ticket numbers
         *     restart every day, so a number always means today's ticket. An unknown or malformed number is `404`.
         */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/halls/{hallId}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * Get today's expected waiting time by hour
         * @description Returns the expected waiting time for each opening hour of the hall today, from past queue data, so that residents can pick a quieter time to come.
         */
        get: operations["getForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the whole service item catalogue
         * @description Returns every service item in a compact form for instant client-side search, together with the lookup
         *     tables a client needs to match pinyin, initials and traditional characters. Cacheable: the response
         *     carries an `ETag` and `Cache-Control: public, max-age=300`, and `If-None-Match` gets `304` while the
         *     catalogue `version` is unchanged. Clients that cannot hold the catalogue use `GET /api/v1/services/search`.
         */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search service items
         * @description Server-side search over the catalogue, one page at a time. `q` matches item names and aliases, their
         *     pinyin and initials, and the department name; traditional characters are folded to simplified ones.
         *     Results are ordered by relevance, then by popularity; without `q`, by popularity. Filters combine with
         *     AND. A page past the end is an empty `items` list, not an error. Invalid parameters are a `422 validation`
         *     problem whose pointers name the parameter (`/pageSize`).
         */
        get: operations["searchServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item's implementation code (实施编码), as given in the catalogue. */
                code: components["parameters"]["ServiceCode"];
            };
            cookie?: never;
        };
        /**
         * Get one service item's guide
         * @description Returns the full guide of one service item (办事指南): time limits, visits, online depth, cross-region
         *     handling, fees, materials and where to go. Apart from the name, department, type, code and `guideUrl`,
         *     which come from the provincial portal, the reference server's values are illustrative, marked by
         *     `illustrative: true`.
         */
        get: operations["getService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings/reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the rating levels and their reasons
         * @description Returns the five rating levels (非常满意 to 非常不满意) from 5 down to 1, the reasons a resident may pick at each level, and the rules the rating form enforces.
         */
        get: operations["getRatingReasons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a rating for a handled case (好差评)
         * @description Records one rating for a handled case (办件). Requires an `Idempotency-Key`; a retry with the same key and
         *     body returns the original receipt with `200` and `Idempotent-Replayed: true`.
         *
         *     Rules beyond the schema, each a `422 validation` problem with a pointer:
         *     - a level of 2 or 1 (差评) needs at least one reason (`/reasons`);
         *     - every reason must be one listed for the chosen level by `GET /api/v1/ratings/reasons` (`/reasons/0`);
         *     - a `phone` needs `contactConsent: true` (`/contactConsent`).
         *
         *     A case can be rated once: a second rating of the same case is `409 already-rated`, with the existing
         *     rating in `existing`. A bad rating gets a tracking code and a follow-up deadline (整改反馈 within
         *     `followUpWorkingDays` working days).
         *
         *     Only the resident who was handed a case can rate it: the `caseId` is given to them by the system that
         *     handled the case, signed (see `RatingInput.caseId`), so nobody can rate someone else's case first and lock
         *     them out. A case id without a valid signature is a `422 validation` problem at `/caseId` with the code
         *     `signature`; its `detail` tells the resident where to find their rating link. A server that does not
         *     verify case ids takes any `caseId`; the receipt names the case by its number without the signature.
         */
        post: operations["submitRating"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a summary of ratings
         * @description Counts ratings by level, optionally narrowed to one service item, window and/or hall (the filters combine
         *     with AND). A scope without ratings is `count: 0` with `goodRate: null`, not an error. Ratings annulled on
         *     appeal as malicious or mistaken (see `transitionRatingCase`) are not counted.
         */
        get: operations["getRatingSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings/follow-up/{trackingCode}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tracking code from a bad rating's receipt (see `RatingReceipt.trackingCode`). */
                trackingCode: components["parameters"]["TrackingCode"];
            };
            cookie?: never;
        };
        /**
         * Track the follow-up of a bad rating
         * @description Returns the progress of the rectification (整改) that a bad rating started, by the tracking code its receipt
         *     gave together with the rated case's id (`case`), the second factor: a code alone opens nothing. A code
         *     that is unknown and a code of another case are both `404`, with the same problem, so the answers tell
         *     nothing about which codes exist. Without `case` the request is a `422 validation` problem at `/case`.
         *     Lookups are rate-limited per client (see "Limits").
         */
        get: operations["getRatingFollowUp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings/follow-up/{trackingCode}/verdict": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tracking code from a bad rating's receipt (see `RatingReceipt.trackingCode`). */
                trackingCode: components["parameters"]["TrackingCode"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Say whether the rectification satisfied you (once)
         * @description After the follow-up is closed (`state: closed`), the resident who rated says once whether the fix satisfied
         *     them: `satisfied` (满意), `basically-satisfied` (基本满意) or `dissatisfied` (不满意). Authorised as the lookup
         *     is, by the tracking code and the case id (`case`); a code that is unknown or of another case is `404`.
         *     The verdict is accepted once: the same verdict again is a replay (`200`, `Idempotent-Replayed: true`),
         *     another verdict after it `409 conflict` with the recorded one in `verdict`; before the follow-up is closed,
         *     or when the rating was annulled on appeal, also `409 conflict`. Counts towards the lookup limit.
         */
        post: operations["submitFollowUpVerdict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 好差评 figures per hall, department or month
         * @description The figures the national rules ask a district to publish, grouped `by` hall, department or month (the
         *     local month the rating was given), optionally narrowed to one hall and a date range (local days, both
         *     inclusive): 好评率 (`goodRate`: levels 3 to 5 of all ratings), 差评整改率 (`rectificationRate`: 差评 whose
         *     follow-up is closed, of all 差评), 回访率 (`revisitRate`: 差评 whose resident was reached by a 回访, of the
         *     差评 whose resident left a number) and the on-time rate (`onTimeRate`: follow-ups closed by their deadline,
         *     of those closed or past their deadline). Ratings annulled on appeal (malicious or mistaken) are left out.
         *     A rating is counted under the department its follow-up was assigned to, else the department of its
         *     service item. Public: aggregates only, no personal data; a group with fewer ratings than `minimumCount`
         *     is listed with `suppressed: true` and no numbers, so that small numbers do not point at a person.
         */
        get: operations["getRatingFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the credentials name
         * @description Returns the subject, roles and halls that the request's credentials give, as the server understood them:
         *     what a staff console shows after sign-in, and a quick check of a token's claims or an API key. Any valid
         *     credentials are accepted; a request without them is `401`.
         */
        get: operations["getStaffIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/windows/{windowId}/call": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call the next ticket to a window (叫号)
         * @description The window finishes the ticket it serves (`outcome`: `served`, the default, or `missed` when the resident
         *     did not come) and calls the longest-waiting ticket of the categories it serves. The call reaches every
         *     resident's live queue card at once. The window must be open (`409 conflict` otherwise). Roles:
         *     `window-staff` or `hall-admin` of the hall. Audit-logged.
         */
        post: operations["callNextTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/windows/{windowId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause or reopen a window
         * @description Pauses an open window (it finishes the ticket it serves and calls nobody until reopened) or reopens a
         *     paused one. While the hall is closed every window is closed and the answer is `409 conflict`. Roles:
         *     `window-staff` or `hall-admin` of the hall. Audit-logged.
         */
        post: operations["setWindowStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/walk-ins": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a ticket at the hall (kiosk, 导办台)
         * @description Issues the next ticket of a category to a resident in the hall, as the kiosk or the reception desk does;
         *     it shares the category's numbering with online tickets and does not count against the online quota.
         *     Each call issues a ticket (a kiosk prints what it gets). While the hall is closed the answer is
         *     `409 hall-closed`. Credentials: an API key of the hall (a kiosk or the hall's own queuing system, role
         *     `ingest`), or a token with `window-staff` or `hall-admin` of the hall. Audit-logged.
         */
        post: operations["issueWalkInTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/simulator": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * The reference server's simulated hall
         * @description Reference server only: whether the simulator that plays the hall's day (walk-ins, calls, pauses) is
         *     running. A district's own backend has real halls instead and need not implement this. Role: `hall-admin`
         *     of the hall.
         */
        get: operations["getSimulator"];
        put?: never;
        /**
         * Pause, resume or step the simulated hall
         * @description Reference server only: `pause` stops the simulator for the hall on every server process, `resume` starts
         *     it again, `step` plays one step now (paused or not). Role: `hall-admin` of the hall. Audit-logged.
         */
        post: operations["controlSimulator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * What staff and machines did in a hall
         * @description The hall's audit log, newest first: every write by staff or a machine (who, in which role, what, when),
         *     and every reading of a resident's personal data. Role: `hall-admin` of the hall.
         */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * The hall's 差评 to follow up (差评 desk)
         * @description The bad ratings of the hall that started a follow-up, newest first, with their reasons, comment and
         *     deadline, and whether the resident left a phone number for the 回访 (`hasContact`), never the number
         *     itself: that is opened one rating at a time (`GET /api/v1/staff/ratings/{ratingId}/contact`), and logged.
         *     Role: `rating-officer` of the hall.
         */
        get: operations["listRatingFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/ratings/{ratingId}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rating's id (`RatingReceipt.id`, or `ratingId` in the follow-up list). */
                ratingId: string;
            };
            cookie?: never;
        };
        /**
         * The phone number a resident left for the 回访
         * @description Opens the phone number a resident left with a rating (with their consent) for the follow-up call. Only the
         *     `rating-officer` of the rating's hall may (a rating that names no hall: only an officer of every hall,
         *     `*`). Every opening is recorded in the hall's audit log, in the same transaction. The number is kept
         *     encrypted and deleted a configured number of days after the rating (`deleteOn`); after that, or when none
         *     was left, the answer is `404`.
         */
        get: operations["getRatingContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/windows/{windowId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        /**
         * A window as its console sees it
         * @description The window's state, the ticket it is dealing with (`current`), who holds its console (`claim`), the
         *     tickets the next call would take, in order, and the missed tickets it may still recall. What a
         *     `<zw-window-console>` shows after sign-in and after a reconnect. Roles: `window-staff` or `hall-admin` of
         *     the hall.
         */
        get: operations["getOperatorWindow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/windows/{windowId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take (or renew) a window's console lease
         * @description One console at a time works a window. A claim gives this console a lease (`lease`), which it sends with
         *     every action in the `Zw-Window-Lease` header and renews by claiming again with `lease` set, every
         *     `renewAfterSeconds` (30 s); a lease not renewed for `ttlSeconds` (90 s) expires and the window is free.
         *     While another console holds a live lease the answer is `409 conflict` with `code: window-claimed` and the
         *     `holder` (who, since when); `takeover: true` takes the window over explicitly (the other console's next
         *     action then gets `409` with `code: lease-lost`). Renewing a lease that expired or was taken over is also
         *     `409 lease-lost`. Roles: `window-staff` or `hall-admin` of the hall. Claims and takeovers are audit-logged
         *     (renewals are not).
         */
        post: operations["claimWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/windows/{windowId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a window's console lease back (sign-out)
         * @description Ends the lease named in `Zw-Window-Lease`, so another console may claim the window at once. Releasing a
         *     lease that is no longer held changes nothing and answers the same. The window keeps its status and
         *     current ticket. Roles: `window-staff` or `hall-admin` of the hall. Audit-logged.
         */
        post: operations["releaseWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/windows/{windowId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Act at a window (open, pause, close, 叫号, recall, start, finish, no-show, transfer)
         * @description One action of the window's staff, named by `action` (see OperatorActionInput for each one's rules).
         *     The change reaches the hall board and every resident's ticket at once through the live feed, and is
         *     audit-logged in the same transaction.
         *
         *     - Every action carries an `Idempotency-Key`: a retry with the same key and body replays the first answer
         *       (`Idempotent-Replayed: true`) and changes nothing.
         *     - `call-next` calls only when the window has no current ticket: while one is called or being served the
         *       answer is `409 conflict` with `code: window-busy` and the `current` ticket. So a double-clicked 叫号,
         *       even with two keys, calls one resident; the console finishes (`finish`) or marks the resident absent
         *       (`no-show`) first, or transfers the ticket.
         *     - When a console holds the window's lease, actions must carry it in `Zw-Window-Lease`
         *       (`409 lease-lost` or `window-claimed` otherwise). A window nobody claimed takes actions without one.
         *
         *     Roles: `window-staff` or `hall-admin` of the hall.
         */
        post: operations["performWindowAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a walk-in ticket, optionally with priority (kiosk, 导办台, 绿色通道)
         * @description Issues the next ticket of a category to a resident in the hall. With `priority` (绿色通道: a resident over
         *     60, disabled, pregnant or seriously ill), the ticket is called before every ticket without priority of
         *     its category; the reason is kept for staff and the audit log only (residents' views say `priority: true`
         *     and nothing more). Numbering is shared with online tickets. Carries an `Idempotency-Key`, so a kiosk's
         *     double tap or retry prints one ticket. While the hall is closed the answer is `409 hall-closed`.
         *     Credentials: an API key of the hall (its kiosk, role `ingest`), or a token with `window-staff` or
         *     `hall-admin` of the hall. Audit-logged.
         */
        post: operations["issueHallTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/halls/{hallId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * Where a hall's feed stands
         * @description The highest sequence number applied without a gap, the events held back behind a gap and the gaps
         *     themselves: where a vendor adapter resumes after a restart. Credentials: the hall's API key (`ingest`).
         */
        get: operations["getIngestPosition"];
        put?: never;
        /**
         * Feed a hall's own queuing system's events in (叫号系统对接)
         * @description A district hall that runs a vendor's 叫号 system sends its events here, so that the portal's board, live
         *     queue cards and estimates follow the real hall. Each event carries the hall's sequence number `seq`
         *     (1, 2, 3, … per hall and day of the vendor system, without gaps) and the vendor's own ticket number and
         *     window id (mapped to this hall's window ids by the adapter).
         *
         *     - Events are applied strictly in `seq` order, whatever order they arrive in: an event after a gap is held
         *       back (`pending`) until the missing ones arrive (`missing` names the gaps); at most 5,000 events are held
         *       back, and an event more than 5,000 past the applied position is refused (`409 conflict`,
         *       `code: too-far-ahead`; nothing of the batch is taken).
         *     - An event whose `seq` was already received with the same content is a duplicate and ignored (counted in
         *       `duplicates`); the same `seq` with different content is `409 conflict` with `code: sequence-conflict`
         *       and `seqs`, and nothing of the batch is taken.
         *     - An event that does not fit the hall's state when its turn comes (a call of a ticket never issued, a
         *       window this hall does not have) is skipped and reported in `skipped`, never retried: the vendor system
         *       is the truth, and the position moves on.
         *
         *     So duplicates, gaps filled later and any reordering give the same final state as the ordered stream.
         *     Credentials: the hall's API key (`ingest`); a key of another hall is `403`. Each applied batch is one
         *     audit entry.
         */
        post: operations["ingestHallEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{hallId}/rating-cases": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        /**
         * The hall's 差评 cases, by deadline (差评 desk inbox)
         * @description The hall's 差评 follow-up cases, the nearest deadline first (then the oldest rating), each with its state,
         *     deadline in working days on the official calendar (holidays and make-up working days), and whether it is
         *     overdue or due soon; never the resident's number. Role: `rating-officer` of the hall (or of every hall).
         */
        get: operations["listRatingCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/rating-cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        /**
         * One 差评 case, as the rating officer works it
         * @description The rating (level, reasons with their text, comment, channel, time), the handled case (service item,
         *     hall, window, staff number), the assigned department, the deadline, every step with the officer's internal
         *     note and the reply shown to the resident, the 回访 records, the appeal outcome, the resident's verdict on
         *     the fix, and the states the case may move to next (`next`). Not the phone number (see
         *     `getRatingContact`). Role: `rating-officer` of the rating's hall (a rating that names no hall: of every
         *     hall); other roles and halls `403`.
         */
        get: operations["getRatingCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/rating-cases/{caseId}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a case to its next state, with a note
         * @description Moves the case along 受理 `accepted` → 核实 `verifying` → 整改 `rectifying` → 回访 `revisiting` → 办结
         *     `closed` (核实 may find nothing to rectify and go straight to 回访), or, before rectification starts and
         *     once per case, to 申诉 `appealed` → 复核 `reviewed` with an `outcome`: `upheld` (the rating stands and the
         *     case goes on from where it was) or `annulled` (malicious or mistaken, `annulReason`: the rating is left
         *     out of the figures and the case ends). Closing needs a 回访 record when the resident left a number
         *     (实名差评 are all called back). Each step carries the officer's `note` (internal) and optionally a `reply`
         *     to the resident in plain words (shown in the tracking view). A step the state does not allow is
         *     `409 conflict` with the allowed states in `allowed`. Requires an `Idempotency-Key` (a retry returns the
         *     case with `Idempotent-Replayed: true`). Audit-logged. Role: `rating-officer` of the rating's hall.
         */
        post: operations["transitionRatingCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/rating-cases/{caseId}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a case to the department that handled it
         * @description Hands the case to a department (谁办理谁负责), one of `listRatingDepartments`; may be done again (re-
         *     assigned) until the case is closed, which is `409 conflict` afterwards. Requires an `Idempotency-Key`.
         *     Audit-logged. Role: `rating-officer` of the rating's hall.
         */
        post: operations["assignRatingCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/rating-cases/{caseId}/revisits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a 回访 (call back)
         * @description Records one 回访 of the resident: whether they were reached and, if so, their verdict on the fix
         *     (`satisfied`, `basically-satisfied`, `dissatisfied`), with a note. Allowed while the case is in 整改 or
         *     回访 (`409 conflict` otherwise); a case may have several (an unanswered call, then a reached one).
         *     Requires an `Idempotency-Key`. Audit-logged. Role: `rating-officer` of the rating's hall.
         */
        post: operations["recordRatingRevisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/rating-departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The departments a case can be assigned to
         * @description The district's departments (from the service catalogue), by name. Role `rating-officer`.
         */
        get: operations["listRatingDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reporting/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export ratings as national evaluation records (JSON or CSV)
         * @description The ratings given on the local days `from` to `to` (inclusive, at most 366 days), oldest first, as records
         *     of the national 好差评 evaluation record's field set (`NationalRatingRecord`; the same JSON Schema ships in
         *     the package as `schemas/national-rating-record.schema.json`). `format=json` (default) is a
         *     `NationalRatingExport`; `format=csv` is UTF-8 CSV (RFC 4180, with a byte order mark for spreadsheet
         *     programs, CRLF line ends) with one column per record field in the schema's order, reason codes joined by
         *     `|`, and a cell that a spreadsheet would read as a formula prefixed with `'`. No resident's phone number
         *     is ever exported. Role: `hall-admin`; one of some halls must name one of them (`hall`), one of every hall
         *     may omit it (then every rating, also those naming no hall). Each export is audit-logged.
         */
        get: operations["exportRatings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reporting/provincial-push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the push of ratings to the provincial platform stands
         * @description Whether a provincial 好差评 platform is configured, and how many ratings wait to be delivered, were
         *     delivered, or were given up on (refused by the platform as invalid; the error is in the server log). Role:
         *     `hall-admin` of every hall.
         */
        get: operations["getProvincialPush"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An RFC 9457 problem document, the body of every error response (`application/problem+json`). Servers may
         *     add extension members; clients ignore those they do not know.
         *
         *     Stable `type` values (`urn:zhengwu-widgets:problem:` followed by the slug) and their statuses:
         *
         *     | slug | status | meaning |
         *     | --- | --- | --- |
         *     | `validation` | 422 | The request breaks the schema or a documented rule; `errors` lists each failure. |
         *     | `malformed-json` | 400 | The body is not valid JSON. |
         *     | `idempotency-key-missing` | 400 | A required `Idempotency-Key` header is missing or malformed. |
         *     | `idempotency-key-reuse` | 422 | The `Idempotency-Key` was already used with a different body. |
         *     | `payload-too-large` | 413 | The body is larger than the server accepts. |
         *     | `unsupported-media-type` | 415 | The body is not `application/json`. |
         *     | `not-found` | 404 | No such hall, ticket, service item, tracking code or path. |
         *     | `method-not-allowed` | 405 | The path does not support the method. |
         *     | `rate-limited` | 429 | Too many requests; see `Retry-After` and `limit`. |
         *     | `bad-request` | 400 | The HTTP layer could not read the request (a malformed request line or header). |
         *     | `request-timeout` | 408 | The request did not arrive completely in time. |
         *     | `request-header-fields-too-large` | 431 | The request line and headers are larger than the server accepts. |
         *     | `hall-closed` | 409 | The hall is closed, so no ticket can be taken. |
         *     | `quota-exhausted` | 409 | Today's online tickets for the category are all taken. |
         *     | `already-rated` | 409 | The case was rated before; see `existing`. |
         *     | `unauthorized` | 401 | A `staff` operation without valid credentials; see `WWW-Authenticate`. |
         *     | `forbidden` | 403 | The credentials do not give the needed role in this hall. |
         *     | `conflict` | 409 | An operation not possible in the current state (a closed window, a 差评 step the case's state does not allow, a second verdict). |
         *     | `unavailable` | 503 | A dependency is unreachable (the identity provider, the database); try again later. |
         *     | `internal` | 500 | An unexpected server error. |
         * @example {
         *       "type": "urn:zhengwu-widgets:problem:validation",
         *       "title": "请求参数校验失败",
         *       "status": 422,
         *       "detail": "有 1 项内容不符合要求。",
         *       "instance": "/api/v1/ratings",
         *       "errors": [
         *         {
         *           "pointer": "/reasons",
         *           "message": "选择“不满意”或“非常不满意”时，请至少选择一项原因",
         *           "code": "minItems"
         *         }
         *       ]
         *     }
         */
        Problem: {
            /**
             * @description The problem type, `urn:zhengwu-widgets:problem:<slug>` with a slug from the table above.
             * @example urn:zhengwu-widgets:problem:quota-exhausted
             */
            type: string;
            /**
             * @description A short human-readable summary of the problem type, in the negotiated language.
             * @example 今日线上号源已取完
             */
            title: string;
            /**
             * @description The HTTP status code, repeated for convenience.
             * @example 409
             */
            status: number;
            /**
             * @description A human-readable explanation of this occurrence, suitable to show to the resident.
             * @example “社保医保”今日线上号源已取完，请到大厅自助取号机取号。
             */
            detail?: string;
            /**
             * Format: uri-reference
             * @description The path (and query) of the request that failed.
             * @example /api/v1/halls/guangan-zwzx/tickets
             */
            instance?: string;
            /**
             * @description For `validation` problems, every failed field or parameter.
             * @example [
             *       {
             *         "pointer": "/level",
             *         "message": "评价等级应为 1 到 5 的整数",
             *         "code": "maximum"
             *       }
             *     ]
             */
            errors?: components["schemas"]["ProblemFieldError"][];
            /**
             * @description For `rate-limited` problems, the limit the client reached.
             * @example {
             *       "scope": "address",
             *       "max": 20,
             *       "per": "day"
             *     }
             */
            limit?: {
                /**
                 * @description Whom the limit counts: `address` (the client's network address) or `device` (its `Zw-Device-Id`).
                 * @example address
                 * @enum {string}
                 */
                scope: "address" | "device";
                /**
                 * @description How many requests the limit allows in its period (for a daily share of online tickets: how many tickets).
                 * @example 20
                 */
                max: number;
                /**
                 * @description The period, a rolling `minute` or the service `day` (until local midnight).
                 * @example day
                 * @enum {string}
                 */
                per: "minute" | "day";
            };
            /**
             * @description For `already-rated` problems, the rating already on record for the case.
             * @example {
             *       "level": 4,
             *       "createdAt": "2026-11-21T15:02:44+08:00"
             *     }
             */
            existing?: {
                /**
                 * @description The level of the existing rating.
                 * @example 4
                 */
                level: number;
                /**
                 * Format: date-time
                 * @description When the existing rating was recorded.
                 * @example 2026-11-21T15:02:44+08:00
                 */
                createdAt: string;
            };
        };
        /**
         * @description One failed check in a `validation` problem.
         * @example {
         *       "pointer": "/reasons",
         *       "message": "选择“不满意”或“非常不满意”时，请至少选择一项原因",
         *       "code": "minItems"
         *     }
         */
        ProblemFieldError: {
            /**
             * @description A JSON Pointer (RFC 6901) to the offending member of the request body (`/level`, `/reasons/0`), or,
             *     for a query parameter, `/` followed by the parameter name (`/pageSize`). `""` means the whole body.
             * @example /reasons
             */
            pointer: string;
            /**
             * @description A human-readable message about this field, in the negotiated language, fit to show next to it.
             * @example 选择“不满意”或“非常不满意”时，请至少选择一项原因
             */
            message: string;
            /**
             * @description A stable machine-readable name of the failed rule: a JSON Schema keyword (`required`, `type`, `enum`,
             *     `pattern`, `minLength`, `maxLength`, `minimum`, `maximum`, `minItems`, `maxItems`, `uniqueItems`,
             *     `additionalProperties`, `format`) where one applies; `signature` for a case id whose signature is missing
             *     or wrong.
             * @example minItems
             */
            code: string;
        };
        /**
         * @description The server's health.
         * @example {
         *       "status": "ok",
         *       "version": "0.1.0"
         *     }
         */
        HealthStatus: {
            /**
             * @description Always `ok`; a server that cannot serve answers with an error status instead.
             * @example ok
             * @constant
             */
            status: "ok";
            /**
             * @description The version of the server implementation.
             * @example 0.1.0
             */
            version: string;
        };
        /** @description The process answers. */
        HealthLive: {
            /**
             * @description Always `live`.
             * @example live
             * @constant
             */
            status: "live";
            /**
             * @description The version of the server implementation.
             * @example 0.1.0
             */
            version: string;
        };
        /** @description The replica is ready for traffic, and what was checked. */
        HealthReady: {
            /**
             * @description Always `ready` (a replica that is not answers 503).
             * @example ready
             * @constant
             */
            status: "ready";
            /**
             * @description The version of the server implementation.
             * @example 0.1.0
             */
            version: string;
            /**
             * @description Each check and its outcome.
             * @example {
             *       "database": "ok",
             *       "migrations": "ok",
             *       "accepting": "ok"
             *     }
             */
            checks: {
                /**
                 * @description Whether the database answered.
                 * @enum {string}
                 */
                database: "ok" | "unreachable";
                /**
                 * @description Whether the database has the schema this version needs.
                 * @enum {string}
                 */
                migrations: "ok" | "pending" | "unknown";
                /**
                 * @description Whether the replica takes requests (`stopping` after SIGTERM).
                 * @enum {string}
                 */
                accepting: "ok" | "stopping";
            };
        };
        /**
         * @description What staff and machines may do, each in the halls their credentials name:
         *     `window-staff` works a window (calls, pauses, walk-in tickets); `hall-admin` runs a hall (everything window
         *     staff do, the simulator, the audit log); `rating-officer` handles 差评 follow-ups; `ingest` is a machine of
         *     the hall (an API key), which may issue walk-in tickets.
         * @example window-staff
         * @enum {string}
         */
        StaffRole: "window-staff" | "hall-admin" | "rating-officer" | "ingest";
        /**
         * @description Whom a request's credentials name.
         * @example {
         *       "sub": "3f2c9a61-staff-0042",
         *       "name": "王芳",
         *       "roles": [
         *         "window-staff"
         *       ],
         *       "halls": [
         *         "guangan-zwzx"
         *       ],
         *       "via": "token"
         *     }
         */
        StaffIdentity: {
            /**
             * @description The identity provider's subject, or `api-key:<id>` for a machine.
             * @example 3f2c9a61-staff-0042
             */
            sub: string;
            /**
             * @description The display name the token carries, or the API key's label.
             * @example 王芳
             */
            name?: string;
            /**
             * @description The roles the credentials give (roles this API does not know are left out).
             * @example [
             *       "window-staff"
             *     ]
             */
            roles: components["schemas"]["StaffRole"][];
            /**
             * @description The ids of the halls the roles apply in, or `*` for every hall.
             * @example [
             *       "guangan-zwzx"
             *     ]
             */
            halls: string[] | "*";
            /**
             * @description `token` (a bearer JWT of the identity provider) or `api-key`.
             * @example token
             * @enum {string}
             */
            via: "token" | "api-key";
        };
        /**
         * @description What became of the ticket the window was serving before this call.
         * @example {
         *       "outcome": "served"
         *     }
         */
        CallNextInput: {
            /**
             * @description `served` (the default), or `missed` when the resident did not come to the window.
             * @default served
             * @example served
             * @enum {string}
             */
            outcome: "served" | "missed";
        };
        /** @description A window after calling the next ticket. */
        WindowCall: {
            window: components["schemas"]["Window"];
            /** @description The ticket called, or `null` when nobody waits for this window. */
            called: components["schemas"]["Ticket"] | null;
            /**
             * @description The hall's version after the call (the `id` of the event that announced it).
             * @example 1288
             */
            version: number;
        };
        /**
         * @description The status to give a window.
         * @example {
         *       "status": "paused"
         *     }
         */
        WindowStatusInput: {
            /**
             * @description `paused` (serves nobody until reopened) or `open`.
             * @example paused
             * @enum {string}
             */
            status: "open" | "paused";
        };
        /**
         * @description What to do with the simulated hall.
         * @example {
         *       "action": "pause"
         *     }
         */
        SimulatorInput: {
            /**
             * @description `pause`, `resume`, or `step` (play one step now).
             * @example pause
             * @enum {string}
             */
            action: "pause" | "resume" | "step";
        };
        /**
         * @description The reference server's simulator for one hall.
         * @example {
         *       "hallId": "guangan-zwzx",
         *       "running": true,
         *       "version": 1288
         *     }
         */
        SimulatorControl: {
            /**
             * @description The hall.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * @description Whether the simulator plays the hall's day on its own (it never does at speed 0).
             * @example true
             */
            running: boolean;
            /**
             * @description The hall's version now.
             * @example 1288
             */
            version: number;
        };
        /** @description A `conflict` problem of a hall operation, with what a console needs to explain it. */
        OperatorProblem: components["schemas"]["Problem"] & {
            /**
             * @description Why the operation is not possible now (see the `OperatorConflict` response).
             * @example window-busy
             * @enum {string}
             */
            code?: "window-claimed" | "lease-lost" | "window-busy" | "no-current-ticket" | "window-not-open" | "window-closed" | "hall-closed" | "not-recallable" | "unknown-ticket" | "sequence-conflict" | "too-far-ahead";
            holder?: components["schemas"]["WindowClaimHolder"];
            current?: components["schemas"]["OperatorTicket"];
            /**
             * @description For `sequence-conflict`, the sequence numbers received before with other content.
             * @example [
             *       1043
             *     ]
             */
            seqs?: number[];
        };
        /**
         * @description Why a ticket is served first (绿色通道): `elderly` (over 60), `disabled`, `pregnant`, `seriously-ill`,
         *     or `other` (a reason the hall's rules give).
         * @example elderly
         * @enum {string}
         */
        PriorityReason: "elderly" | "disabled" | "pregnant" | "seriously-ill" | "other";
        /**
         * @description Where a ticket is, as staff see it: `waiting` (in line, also after a transfer), `called` (called to a
         *     window, the resident is on the way), `serving` (at the window, 办理中), `served` (办结), `missed` (过号:
         *     called, nobody came; recallable for a while).
         * @example called
         * @enum {string}
         */
        TicketStage: "waiting" | "called" | "serving" | "served" | "missed";
        /**
         * @description A ticket as staff see it.
         * @example {
         *       "number": "A020",
         *       "categoryId": "A",
         *       "stage": "called",
         *       "priority": null,
         *       "issuedAt": "2026-11-23T09:58:02+08:00",
         *       "calledAt": "2026-11-23T10:15:12+08:00",
         *       "startedAt": null,
         *       "recalls": 0,
         *       "windowId": "w05",
         *       "forWindowId": null,
         *       "transferred": false,
         *       "online": false
         *     }
         */
        OperatorTicket: {
            /**
             * @description The ticket number.
             * @example A020
             */
            number: string;
            /**
             * @description The category it waits (or waited) in; after a transfer, the new one.
             * @example A
             */
            categoryId: string;
            stage: components["schemas"]["TicketStage"];
            /**
             * @description The priority reason given when it was issued, or `null`.
             * @example null
             */
            priority: components["schemas"]["PriorityReason"] | null;
            /**
             * Format: date-time
             * @description When it was issued (online tickets, when taken); its place in line, kept across transfers.
             * @example 2026-11-23T09:58:02+08:00
             */
            issuedAt: string;
            /**
             * Format: date-time
             * @description When it was last called.
             * @example 2026-11-23T10:15:12+08:00
             */
            calledAt: string | null;
            /**
             * Format: date-time
             * @description When service started at the window (`start`).
             * @example null
             */
            startedAt: string | null;
            /**
             * @description How many times it was called again (re-announced, or brought back after a no-show).
             * @example 0
             */
            recalls: number;
            /**
             * @description The window that called it last.
             * @example w05
             */
            windowId: string | null;
            /**
             * @description The window it was transferred to and waits for, if any.
             * @example null
             */
            forWindowId: string | null;
            /**
             * @description Whether it was transferred from another category or window.
             * @example false
             */
            transferred: boolean;
            /**
             * @description Whether it was taken online.
             * @example false
             */
            online: boolean;
        };
        /**
         * @description Who holds a window's console lease.
         * @example {
         *       "sub": "staff-0042",
         *       "name": "王芳",
         *       "since": "2026-11-23T10:02:11+08:00",
         *       "expiresAt": "2026-11-23T10:16:41+08:00"
         *     }
         */
        WindowClaimHolder: {
            /**
             * @description The holder's subject.
             * @example staff-0042
             */
            sub: string;
            /**
             * @description The holder's display name, when the token carries one.
             * @example 王芳
             */
            name?: string;
            /**
             * Format: date-time
             * @description When the lease was taken.
             * @example 2026-11-23T10:02:11+08:00
             */
            since: string;
            /**
             * Format: date-time
             * @description When it expires unless renewed.
             * @example 2026-11-23T10:16:41+08:00
             */
            expiresAt: string;
        };
        /**
         * @description A claim of a window's console.
         * @example {
         *       "takeover": false
         *     }
         */
        WindowClaimInput: {
            /**
             * @description Renew this lease (held by this console) instead of taking a new one.
             * @example 7tq2VJ0cJm1bQm5sW3kq9A
             */
            lease?: string;
            /**
             * @description Take the window over from the console that holds it (after asking the person at the console).
             * @default false
             * @example false
             */
            takeover: boolean;
        };
        /**
         * @description A console's lease on a window.
         * @example {
         *       "lease": "7tq2VJ0cJm1bQm5sW3kq9A",
         *       "hallId": "guangan-zwzx",
         *       "windowId": "w05",
         *       "holder": {
         *         "sub": "staff-0042",
         *         "name": "王芳",
         *         "since": "2026-11-23T10:02:11+08:00",
         *         "expiresAt": "2026-11-23T10:03:41+08:00"
         *       },
         *       "renewAfterSeconds": 30,
         *       "ttlSeconds": 90,
         *       "tookOverFrom": null
         *     }
         */
        WindowClaim: {
            /**
             * @description The lease, to send in `Zw-Window-Lease` with every action and to renew.
             * @example 7tq2VJ0cJm1bQm5sW3kq9A
             */
            lease: string;
            /**
             * @description The hall.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * @description The window.
             * @example w05
             */
            windowId: string;
            holder: components["schemas"]["WindowClaimHolder"];
            /**
             * @description Renew the lease this often.
             * @example 30
             */
            renewAfterSeconds: number;
            /**
             * @description A lease not renewed for this long expires.
             * @example 90
             */
            ttlSeconds: number;
            /**
             * @description Whom this claim took the window over from, or `null`.
             * @example null
             */
            tookOverFrom: components["schemas"]["WindowClaimHolder"] | null;
        };
        /**
         * @description How many wait in one of the window's categories.
         * @example {
         *       "categoryId": "A",
         *       "waiting": 7,
         *       "priority": 1
         *     }
         */
        OperatorWaiting: {
            /**
             * @description The category.
             * @example A
             */
            categoryId: string;
            /**
             * @description Tickets waiting in it (transferred ones included).
             * @example 7
             */
            waiting: number;
            /**
             * @description Of those, with priority.
             * @example 1
             */
            priority: number;
        };
        /** @description A window as its console sees it. */
        OperatorWindow: {
            /**
             * @description The hall.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * @description Whether the hall serves now (by its hours).
             * @example true
             */
            hallOpen: boolean;
            window: components["schemas"]["Window"];
            /** @description The ticket the window is dealing with (called or serving), or `null`. */
            current: components["schemas"]["OperatorTicket"] | null;
            /** @description Who holds the window's console now, or `null` when nobody does. */
            claim: components["schemas"]["WindowClaimHolder"] | null;
            /** @description The waiting counts of the categories the window serves. */
            waiting: components["schemas"]["OperatorWaiting"][];
            /** @description The tickets `call-next` would call, in order (at most 5). */
            next: components["schemas"]["OperatorTicket"][];
            /** @description Tickets this window marked missed that it may still recall (newest first, at most 10). */
            missed: components["schemas"]["OperatorTicket"][];
            /**
             * @description The hall's version this view reflects.
             * @example 1288
             */
            version: number;
        };
        /**
         * @description One action at a window. What each `action` does and needs:
         *
         *     - `open`: opens the window (hall open, window paused or closed), serving `categoryIds` (default: those of
         *       its definition; at least one, all of the hall). An open window may be opened again to change them.
         *     - `pause`: stops calling (暂停). The current ticket stays; finish it first or it stays current.
         *     - `close`: closes the window for the day; a current ticket must be finished, missed or transferred first.
         *     - `call-next` (叫号): calls the next ticket for this window: tickets transferred to it and tickets of its
         *       categories, those with priority first, then by issue time (online tickets at the time they were
         *       taken). Needs an open window with no current ticket (`409 window-busy` otherwise). Answers
         *       `ticket: null` when nobody waits.
         *     - `recall` (重呼): without `number`, calls the current (called) ticket again; with `number`, brings back a
         *       ticket this window marked missed, within its grace (30 minutes and 3 recalls), as the current ticket.
         *     - `start` (开始办理): the called resident arrived; service starts (the estimate's clock).
         *     - `finish` (办结): the current ticket was served.
         *     - `no-show` (过号): the called resident did not come; the ticket is missed (recallable within its grace).
         *     - `transfer` (转移): the current ticket waits again, keeping its number and issue time, for another
         *       category (`to.categoryId`) or a window (`to.windowId`); this window is then free.
         * @example {
         *       "action": "call-next"
         *     }
         */
        OperatorActionInput: {
            /**
             * @description The action.
             * @example call-next
             * @enum {string}
             */
            action: "open" | "pause" | "close" | "call-next" | "recall" | "start" | "finish" | "no-show" | "transfer";
            /**
             * @description For `open`, the categories to serve.
             * @example [
             *       "A",
             *       "F"
             *     ]
             */
            categoryIds?: string[];
            /**
             * @description For `recall`, a missed ticket to bring back.
             * @example A017
             */
            number?: string;
            /**
             * @description For `transfer`, where the ticket goes (exactly one of the two).
             * @example {
             *       "categoryId": "F"
             *     }
             */
            to?: {
                /**
                 * @description Another category of the hall.
                 * @example F
                 */
                categoryId?: string;
                /**
                 * @description Another window of the hall.
                 * @example w15
                 */
                windowId?: string;
            };
        };
        /** @description What an action did. */
        OperatorActionResult: {
            /**
             * @description The action taken.
             * @example call-next
             * @enum {string}
             */
            action: "open" | "pause" | "close" | "call-next" | "recall" | "start" | "finish" | "no-show" | "transfer";
            /** @description The ticket the action concerned (the one called, finished, missed, transferred…), or `null`. */
            ticket: components["schemas"]["OperatorTicket"] | null;
            window: components["schemas"]["OperatorWindow"];
            /**
             * @description The hall's version after the action (the `id` of the event that announced it).
             * @example 1289
             */
            version: number;
        };
        /**
         * @description A walk-in ticket to issue.
         * @example {
         *       "categoryId": "A",
         *       "priority": "elderly"
         *     }
         */
        OperatorWalkInInput: {
            /**
             * @description The category, from the hall snapshot's `categories`.
             * @example A
             */
            categoryId: string;
            priority?: components["schemas"]["PriorityReason"];
        };
        /**
         * @description What happened in the hall's own system: `ticket-issued` (needs `ticket`, `categoryId`; `priority`
         *     optional), `ticket-called` (`ticket`, `windowId`: the window calls it; a ticket the window was dealing
         *     with is served), `ticket-recalled` (`ticket`, `windowId`: called again), `ticket-served` (`ticket`),
         *     `ticket-missed` (`ticket`), `window-opened` (`windowId`; `categoryIds` optional), `window-paused`,
         *     `window-closed` (`windowId`).
         * @example ticket-called
         * @enum {string}
         */
        IngestEventType: "ticket-issued" | "ticket-called" | "ticket-recalled" | "ticket-served" | "ticket-missed" | "window-opened" | "window-paused" | "window-closed";
        /**
         * @description One event of a hall's own queuing system.
         * @example {
         *       "seq": 1042,
         *       "type": "ticket-called",
         *       "at": "2026-11-23T10:15:12+08:00",
         *       "ticket": "A020",
         *       "windowId": "w05"
         *     }
         */
        IngestEvent: {
            /**
             * @description The hall's sequence number (1, 2, 3, … without gaps).
             * @example 1042
             */
            seq: number;
            type: components["schemas"]["IngestEventType"];
            /**
             * Format: date-time
             * @description When it happened, by the vendor system's clock.
             * @example 2026-11-23T10:15:12+08:00
             */
            at: string;
            /**
             * @description The ticket number as the vendor system printed it.
             * @example A020
             */
            ticket?: string;
            /**
             * @description The category (for `ticket-issued`).
             * @example A
             */
            categoryId?: string;
            /**
             * @description The window, as this hall's window ids name it.
             * @example w05
             */
            windowId?: string;
            /**
             * @description For `window-opened`, the categories the window serves (default its definition's).
             * @example [
             *       "A"
             *     ]
             */
            categoryIds?: string[];
            priority?: components["schemas"]["PriorityReason"];
        };
        /**
         * @description Events of one hall, in any order (at most 500 per request).
         * @example {
         *       "events": [
         *         {
         *           "seq": 1,
         *           "type": "window-opened",
         *           "at": "2026-11-23T08:59:40+08:00",
         *           "windowId": "w01"
         *         },
         *         {
         *           "seq": 2,
         *           "type": "ticket-issued",
         *           "at": "2026-11-23T09:00:05+08:00",
         *           "ticket": "A001",
         *           "categoryId": "A"
         *         }
         *       ]
         *     }
         */
        IngestBatch: {
            /** @description The events. */
            events: components["schemas"]["IngestEvent"][];
        };
        /**
         * @description An event that did not fit the hall's state when applied, and was passed over.
         * @example {
         *       "seq": 17,
         *       "reason": "ticket A099 was never issued"
         *     }
         */
        IngestSkip: {
            /**
             * @description Its sequence number.
             * @example 17
             */
            seq: number;
            /**
             * @description Why (for the adapter's log).
             * @example ticket A099 was never issued
             */
            reason: string;
        };
        /**
         * @description Sequence numbers not received yet, `from` to `to` inclusive.
         * @example {
         *       "from": 1043,
         *       "to": 1045
         *     }
         */
        IngestGap: {
            /**
             * @description The first missing number.
             * @example 1043
             */
            from: number;
            /**
             * @description The last missing number.
             * @example 1045
             */
            to: number;
        };
        /**
         * @description Where a hall's feed stands after a batch.
         * @example {
         *       "hallId": "guangan-zwzx",
         *       "appliedThrough": 1042,
         *       "accepted": 20,
         *       "duplicates": 0,
         *       "pending": 3,
         *       "missing": [
         *         {
         *           "from": 1043,
         *           "to": 1045
         *         }
         *       ],
         *       "skipped": [],
         *       "version": 1290
         *     }
         */
        IngestReceipt: {
            /**
             * @description The hall.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * @description The highest sequence number applied with everything before it (`0` before the first).
             * @example 1042
             */
            appliedThrough: number;
            /**
             * @description Events of this batch that were new.
             * @example 20
             */
            accepted: number;
            /**
             * @description Events of this batch received before with the same content (ignored).
             * @example 0
             */
            duplicates: number;
            /**
             * @description Events received and held back behind a gap.
             * @example 3
             */
            pending: number;
            /** @description The gaps that hold them back (at most 20, lowest first). */
            missing: components["schemas"]["IngestGap"][];
            /** @description Events applied by this batch that did not fit and were passed over. */
            skipped: components["schemas"]["IngestSkip"][];
            /**
             * @description The hall's version after the batch.
             * @example 1290
             */
            version: number;
        };
        /**
         * @description An estimate's likely range in minutes, given when the estimate is uncertain (few tickets served yet today
         *     to measure from, or service times that vary).
         * @example {
         *       "low": 15,
         *       "high": 30
         *     }
         */
        EstimateRange: {
            /**
             * @description The lower end.
             * @example 15
             */
            low: number;
            /**
             * @description The upper end.
             * @example 30
             */
            high: number;
        };
        /** @description A bad rating to follow up, as the 差评 desk lists it (without the resident's number). */
        RatingFollowUpItem: {
            /**
             * @description The rating's id.
             * @example 0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13
             */
            ratingId: string;
            /**
             * @description The tracking code the resident was given.
             * @example HC20261123-7F3K-9QMA-2XWD-PLR8
             */
            trackingCode: string;
            /**
             * @description The level (2 or 1).
             * @example 1
             */
            level: number;
            /**
             * @description The reason codes the resident chose.
             * @example [
             *       "113"
             *     ]
             */
            reasons: string[];
            /**
             * @description The resident's comment, if any.
             * @example 等了一个多小时
             */
            comment: string | null;
            /**
             * @description The rated service item, if named.
             * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
             */
            serviceCode: string | null;
            /**
             * @description The rated window, if named.
             * @example w05
             */
            windowId: string | null;
            /**
             * Format: date-time
             * @description When the rating was given.
             * @example 2026-11-23T10:15:12+08:00
             */
            createdAt: string;
            /**
             * Format: date
             * @description The follow-up deadline.
             * @example 2026-12-07
             */
            dueBy: string;
            /**
             * @description Whether a phone number for the 回访 is kept (left with consent, and not yet deleted).
             * @example true
             */
            hasContact: boolean;
        };
        /** @description A hall's follow-ups, newest first. */
        RatingFollowUpList: {
            items: components["schemas"]["RatingFollowUpItem"][];
        };
        /** @description The phone number a resident left for the 回访, opened for the rating officer. */
        RatingContact: {
            /**
             * @description The rating's id.
             * @example 0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13
             */
            ratingId: string;
            /**
             * @description The rating's hall, or `null` when it named none.
             * @example guangan-zwzx
             */
            hallId: string | null;
            /**
             * @description The level.
             * @example 1
             */
            level: number;
            /**
             * @description The tracking code of a bad rating.
             * @example HC20261123-7F3K-9QMA-2XWD-PLR8
             */
            trackingCode: string | null;
            /**
             * @description The number the resident left.
             * @example 13890261234
             */
            phone: string;
            /**
             * Format: date-time
             * @description When the rating was given.
             * @example 2026-11-23T10:15:12+08:00
             */
            createdAt: string;
            /**
             * Format: date
             * @description The day the number is deleted (the server's retention period after the rating).
             * @example 2027-01-22
             */
            deleteOn: string;
        };
        /** @description One thing staff or a machine did, or a reading of personal data. */
        AuditEntry: {
            /**
             * Format: date-time
             * @description When.
             * @example 2026-11-23T10:15:12+08:00
             */
            at: string;
            /**
             * @description Who (the subject of the token, or `api-key:<id>`).
             * @example 3f2c9a61-staff-0042
             */
            sub: string;
            /**
             * @description Their display name, if the credentials carried one.
             * @example 王芳
             */
            name?: string | null;
            role: components["schemas"]["StaffRole"];
            /**
             * @description `token` or `api-key`.
             * @example token
             * @enum {string}
             */
            via: "token" | "api-key";
            /**
             * @description What, as `<area>.<verb>` (`window.call`, `window.status`, `walk-in.issue`, `simulator.pause`, …).
             * @example window.call
             */
            action: string;
            /**
             * @description In which hall.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * @description What it was done to (a window, a ticket, a rating), if anything in particular.
             * @example w05
             */
            target?: string | null;
            /**
             * @description The action's parameters and outcome.
             * @example {
             *       "outcome": "served",
             *       "called": "A020"
             *     }
             */
            detail?: Record<string, never> | null;
            /**
             * @description The request's `X-Request-Id`, to find it in the server's logs.
             * @example 9b1c6f0e7d2a4c15
             */
            requestId?: string | null;
        };
        /** @description A hall's audit log, newest first. */
        AuditLog: {
            entries: components["schemas"]["AuditEntry"][];
        };
        /**
         * @description The halls whose queues this server publishes.
         * @example {
         *       "halls": [
         *         {
         *           "id": "guangan-zwzx",
         *           "name": "广安区政务服务中心",
         *           "address": "四川省广安市广安区金安大道二段 188 号"
         *         },
         *         {
         *           "id": "xiexing-bmfw",
         *           "name": "协兴镇便民服务中心",
         *           "address": "四川省广安市广安区协兴镇牌坊村便民服务中心"
         *         }
         *       ]
         *     }
         */
        HallList: {
            /**
             * @description The halls, in display order.
             * @example [
             *       {
             *         "id": "guangan-zwzx",
             *         "name": "广安区政务服务中心",
             *         "address": "四川省广安市广安区金安大道二段 188 号"
             *       }
             *     ]
             */
            halls: components["schemas"]["HallSummary"][];
        };
        /**
         * @description A service hall (政务服务大厅) in a list.
         * @example {
         *       "id": "guangan-zwzx",
         *       "name": "广安区政务服务中心",
         *       "address": "四川省广安市广安区金安大道二段 188 号"
         *     }
         */
        HallSummary: {
            /**
             * @description The hall's id, used in paths.
             * @example guangan-zwzx
             */
            id: string;
            /**
             * @description The hall's name.
             * @example 广安区政务服务中心
             */
            name: string;
            /**
             * @description The hall's street address.
             * @example 四川省广安市广安区金安大道二段 188 号
             */
            address: string;
        };
        /**
         * @description The complete current queue state of a hall. Also the data of the `snapshot` event.
         * @example {
         *       "hallId": "guangan-zwzx",
         *       "name": "广安区政务服务中心",
         *       "open": true,
         *       "hours": {
         *         "opens": "09:00",
         *         "closes": "17:00",
         *         "lunch": "12:00-13:30",
         *         "note": "法定节假日休息；周六 09:00-12:00 提供“周末不打烊”服务"
         *       },
         *       "windows": [
         *         {
         *           "id": "w05",
         *           "label": "5 号窗口",
         *           "status": "open",
         *           "serving": "A019",
         *           "categoryIds": [
         *             "A"
         *           ]
         *         },
         *         {
         *           "id": "w06",
         *           "label": "6 号窗口",
         *           "status": "paused",
         *           "serving": null,
         *           "categoryIds": [
         *             "A",
         *             "E"
         *           ]
         *         },
         *         {
         *           "id": "w12",
         *           "label": "12 号窗口",
         *           "status": "open",
         *           "serving": "B007",
         *           "categoryIds": [
         *             "B"
         *           ]
         *         }
         *       ],
         *       "categories": [
         *         {
         *           "id": "A",
         *           "name": "社保医保",
         *           "prefix": "A",
         *           "waiting": 7,
         *           "avgServiceMinutes": 6.5,
         *           "estimatedWaitMinutes": 23
         *         },
         *         {
         *           "id": "B",
         *           "name": "不动产登记",
         *           "prefix": "B",
         *           "waiting": 3,
         *           "avgServiceMinutes": 15,
         *           "estimatedWaitMinutes": 45
         *         },
         *         {
         *           "id": "E",
         *           "name": "综合受理",
         *           "prefix": "E",
         *           "waiting": 0,
         *           "avgServiceMinutes": 8,
         *           "estimatedWaitMinutes": 0
         *         }
         *       ],
         *       "version": 1287,
         *       "updatedAt": "2026-11-23T10:15:00+08:00"
         *     }
         */
        HallSnapshot: {
            /**
             * @description The hall's id.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * @description The hall's name.
             * @example 广安区政务服务中心
             */
            name: string;
            /**
             * @description Whether the hall is serving now (inside opening hours, outside the lunch break, not on a holiday).
             * @example true
             */
            open: boolean;
            /**
             * @description Today's opening hours.
             * @example {
             *       "opens": "09:00",
             *       "closes": "17:00",
             *       "lunch": "12:00-13:30"
             *     }
             */
            hours: components["schemas"]["HallHours"];
            /**
             * @description Every service window (窗口) of the hall, in display order.
             * @example [
             *       {
             *         "id": "w05",
             *         "label": "5 号窗口",
             *         "status": "open",
             *         "serving": "A019",
             *         "categoryIds": [
             *           "A"
             *         ]
             *       },
             *       {
             *         "id": "w06",
             *         "label": "6 号窗口",
             *         "status": "paused",
             *         "serving": null,
             *         "categoryIds": [
             *           "A",
             *           "E"
             *         ]
             *       }
             *     ]
             */
            windows: components["schemas"]["Window"][];
            /**
             * @description Every queue category (业务类别) of the hall, in display order.
             * @example [
             *       {
             *         "id": "A",
             *         "name": "社保医保",
             *         "prefix": "A",
             *         "waiting": 7,
             *         "avgServiceMinutes": 6.5,
             *         "estimatedWaitMinutes": 23
             *       }
             *     ]
             */
            categories: components["schemas"]["Category"][];
            /**
             * @description The state's version; it increases with every change and is the `id` of stream events.
             * @example 1287
             */
            version: number;
            /**
             * Format: date-time
             * @description When the state last changed.
             * @example 2026-11-23T10:15:00+08:00
             */
            updatedAt: string;
        };
        /**
         * @description A hall's opening hours for today, as local clock times (Asia/Shanghai).
         * @example {
         *       "opens": "09:00",
         *       "closes": "17:00",
         *       "lunch": "12:00-13:30",
         *       "note": "法定节假日休息；周六 09:00-12:00 提供“周末不打烊”服务"
         *     }
         */
        HallHours: {
            /**
             * @description Opening time, `HH:MM`.
             * @example 09:00
             */
            opens: string;
            /**
             * @description Closing time, `HH:MM`.
             * @example 17:00
             */
            closes: string;
            /**
             * @description The lunch break, `HH:MM-HH:MM`, when the hall pauses; `null` or absent when it serves through.
             * @example 12:00-13:30
             */
            lunch?: string | null;
            /**
             * @description A remark on the hours, such as holidays or weekend service.
             * @example 法定节假日休息；周六 09:00-12:00 提供“周末不打烊”服务
             */
            note?: string;
        };
        /**
         * @description A service window (窗口) of a hall and whom it is serving.
         * @example {
         *       "id": "w05",
         *       "label": "5 号窗口",
         *       "status": "open",
         *       "serving": "A019",
         *       "categoryIds": [
         *         "A"
         *       ]
         *     }
         */
        Window: {
            /**
             * @description The window's id, unique in the hall.
             * @example w05
             */
            id: string;
            /**
             * @description The window's name as signposted in the hall and announced when calling.
             * @example 5 号窗口
             */
            label: string;
            /**
             * @description Whether the window is serving.
             * @example open
             */
            status: components["schemas"]["WindowStatus"];
            /**
             * @description The ticket number the window is serving now; `null` when it serves nobody.
             * @example A019
             */
            serving: string | null;
            /**
             * @description The ids of the queue categories this window serves.
             * @example [
             *       "A"
             *     ]
             */
            categoryIds: string[];
        };
        /**
         * @description A window's state: `open` (serving, 正在办理), `paused` (temporarily away, 暂停服务), `closed` (not staffed
         *     today, 未开放).
         * @example paused
         * @enum {string}
         */
        WindowStatus: "open" | "paused" | "closed";
        /**
         * @description A queue category (业务类别) with its own ticket prefix and waiting line.
         * @example {
         *       "id": "A",
         *       "name": "社保医保",
         *       "prefix": "A",
         *       "waiting": 7,
         *       "avgServiceMinutes": 6.5,
         *       "estimatedWaitMinutes": 23
         *     }
         */
        Category: {
            /**
             * @description The category's id, unique in the hall; used to take a ticket.
             * @example A
             */
            id: string;
            /**
             * @description The category's name as shown on the kiosk.
             * @example 社保医保
             */
            name: string;
            /**
             * @description The letter that starts this category's ticket numbers.
             * @example A
             */
            prefix: string;
            /**
             * @description Tickets issued and not yet called.
             * @example 7
             */
            waiting: number;
            /**
             * @description Recent average minutes a window spends on one ticket of this category.
             * @example 6.5
             */
            avgServiceMinutes: number;
            /**
             * @description Estimated minutes a ticket taken now would wait before being called.
             * @example 23
             */
            estimatedWaitMinutes: number;
            /**
             * @description The likely range of `estimatedWaitMinutes`, present when the estimate is uncertain: few tickets of the
             *     category served yet today to measure from, or service times that vary much.
             */
            estimatedWaitRange?: components["schemas"]["EstimateRange"];
            /**
             * @description How many tickets served today `avgServiceMinutes` is measured from (a moving average of real service
             *     times); `0` means it is still the hall's prior for the category.
             * @example 12
             */
            serviceSample?: number;
        };
        /**
         * @description The data of a `patch` event: what changed since the previous version. Absent members did not change.
         *     `windows` and `categories` hold complete objects that replace those with the same `id`.
         * @example {
         *       "version": 1288,
         *       "updatedAt": "2026-11-23T10:15:12+08:00",
         *       "windows": [
         *         {
         *           "id": "w05",
         *           "label": "5 号窗口",
         *           "status": "open",
         *           "serving": "A020",
         *           "categoryIds": [
         *             "A"
         *           ]
         *         }
         *       ],
         *       "categories": [
         *         {
         *           "id": "A",
         *           "name": "社保医保",
         *           "prefix": "A",
         *           "waiting": 6,
         *           "avgServiceMinutes": 6.5,
         *           "estimatedWaitMinutes": 20
         *         }
         *       ],
         *       "calls": [
         *         {
         *           "ticket": "A020",
         *           "windowId": "w05",
         *           "windowLabel": "5 号窗口",
         *           "at": "2026-11-23T10:15:12+08:00"
         *         }
         *       ]
         *     }
         */
        HallPatch: {
            /**
             * @description The state's version after this change; also the event's `id`.
             * @example 1288
             */
            version: number;
            /**
             * Format: date-time
             * @description When the change happened.
             * @example 2026-11-23T10:15:12+08:00
             */
            updatedAt: string;
            /**
             * @description The hall's new open state, when it changed.
             * @example false
             */
            open?: boolean;
            /**
             * @description The windows whose state changed, complete.
             * @example [
             *       {
             *         "id": "w05",
             *         "label": "5 号窗口",
             *         "status": "open",
             *         "serving": "A020",
             *         "categoryIds": [
             *           "A"
             *         ]
             *       }
             *     ]
             */
            windows?: components["schemas"]["Window"][];
            /**
             * @description The categories whose counts or estimates changed, complete.
             * @example [
             *       {
             *         "id": "A",
             *         "name": "社保医保",
             *         "prefix": "A",
             *         "waiting": 6,
             *         "avgServiceMinutes": 6.5,
             *         "estimatedWaitMinutes": 20
             *       }
             *     ]
             */
            categories?: components["schemas"]["Category"][];
            /**
             * @description The tickets called (叫号) since the previous version, oldest first.
             * @example [
             *       {
             *         "ticket": "A020",
             *         "windowId": "w05",
             *         "windowLabel": "5 号窗口",
             *         "at": "2026-11-23T10:15:12+08:00"
             *       }
             *     ]
             */
            calls?: components["schemas"]["Call"][];
        };
        /**
         * @description The data of a `heartbeat` event: the stream is alive. Sent every `intervalMs` whether or not the hall changed.
         * @example {
         *       "version": 1288,
         *       "intervalMs": 4000
         *     }
         */
        HallHeartbeat: {
            /**
             * @description The hall's current version (the `id` of the last `snapshot` or `patch` sent).
             * @example 1288
             */
            version: number;
            /**
             * @description Milliseconds between heartbeats on this stream. A client that hears nothing for two intervals may treat
             *     the stream as stalled and reconnect.
             * @example 4000
             */
            intervalMs: number;
        };
        /**
         * @description A ticket called to a window (“请 A020 号到 5 号窗口办理”).
         * @example {
         *       "ticket": "A020",
         *       "windowId": "w05",
         *       "windowLabel": "5 号窗口",
         *       "at": "2026-11-23T10:15:12+08:00"
         *     }
         */
        Call: {
            /**
             * @description The ticket number called.
             * @example A020
             */
            ticket: string;
            /**
             * @description The id of the calling window.
             * @example w05
             */
            windowId: string;
            /**
             * @description The calling window's label, for display and speech.
             * @example 5 号窗口
             */
            windowLabel: string;
            /**
             * Format: date-time
             * @description When the ticket was called.
             * @example 2026-11-23T10:15:12+08:00
             */
            at: string;
        };
        /**
         * @description One of today's queue tickets (排队号) and its place in the queue.
         * @example {
         *       "number": "A023",
         *       "hallId": "guangan-zwzx",
         *       "categoryId": "A",
         *       "status": "waiting",
         *       "ahead": 3,
         *       "estimatedWaitMinutes": 20,
         *       "window": null,
         *       "issuedAt": "2026-11-23T09:41:07+08:00",
         *       "calledAt": null,
         *       "online": true
         *     }
         */
        Ticket: {
            /**
             * @description The ticket number, the category prefix and three digits; numbers restart daily.
             * @example A023
             */
            number: string;
            /**
             * @description The hall's id.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * @description The queue category's id.
             * @example A
             */
            categoryId: string;
            /**
             * @description Where the ticket is in its life.
             * @example waiting
             */
            status: components["schemas"]["TicketStatus"];
            /**
             * @description Tickets of the same category to be called before this one; `0` once it is called.
             * @example 3
             */
            ahead: number;
            /**
             * @description Estimated minutes until this ticket is called; `0` once it is called.
             * @example 20
             */
            estimatedWaitMinutes: number;
            /** @description The likely range of `estimatedWaitMinutes` while it waits, present when that is uncertain. */
            estimatedWaitRange?: components["schemas"]["EstimateRange"];
            /**
             * @description Whether the ticket is served first (绿色通道); why is known to staff only.
             * @example false
             */
            priority?: boolean;
            /**
             * @description The window that called the ticket; `null` while it is waiting.
             * @example {
             *       "id": "w05",
             *       "label": "5 号窗口"
             *     }
             */
            window: components["schemas"]["TicketWindow"] | null;
            /**
             * Format: date-time
             * @description When the ticket was issued.
             * @example 2026-11-23T09:41:07+08:00
             */
            issuedAt: string;
            /**
             * Format: date-time
             * @description When the ticket was first called; `null` while it is waiting.
             * @example 2026-11-23T10:21:40+08:00
             */
            calledAt: string | null;
            /**
             * @description Whether the ticket was taken online (线上取号) rather than at the hall's kiosk.
             * @example true
             */
            online: boolean;
        };
        /**
         * @description A ticket's state: `waiting` (等候中), `called` (called to a window, 已叫号), `served` (handled, 已办理),
         *     `missed` (called but nobody came, 过号).
         * @example called
         * @enum {string}
         */
        TicketStatus: "waiting" | "called" | "served" | "missed";
        /**
         * @description The window a ticket was called to.
         * @example {
         *       "id": "w05",
         *       "label": "5 号窗口"
         *     }
         */
        TicketWindow: {
            /**
             * @description The window's id.
             * @example w05
             */
            id: string;
            /**
             * @description The window's label.
             * @example 5 号窗口
             */
            label: string;
        };
        /**
         * @description The body of a request to take a ticket.
         * @example {
         *       "categoryId": "A"
         *     }
         */
        TakeTicketInput: {
            /**
             * @description The id of the queue category to queue in, from the hall snapshot's `categories`.
             * @example A
             */
            categoryId: string;
        };
        /**
         * @description Today's expected waiting time for each opening hour of a hall.
         * @example {
         *       "hallId": "guangan-zwzx",
         *       "date": "2026-11-23",
         *       "hours": [
         *         {
         *           "hour": 9,
         *           "expectedWaitMinutes": 28,
         *           "level": "medium"
         *         },
         *         {
         *           "hour": 10,
         *           "expectedWaitMinutes": 41,
         *           "level": "high"
         *         },
         *         {
         *           "hour": 11,
         *           "expectedWaitMinutes": 24,
         *           "level": "medium"
         *         },
         *         {
         *           "hour": 13,
         *           "expectedWaitMinutes": 9,
         *           "level": "low"
         *         },
         *         {
         *           "hour": 14,
         *           "expectedWaitMinutes": 16,
         *           "level": "medium"
         *         },
         *         {
         *           "hour": 15,
         *           "expectedWaitMinutes": 12,
         *           "level": "low"
         *         },
         *         {
         *           "hour": 16,
         *           "expectedWaitMinutes": 6,
         *           "level": "low"
         *         }
         *       ]
         *     }
         */
        Forecast: {
            /**
             * @description The hall's id.
             * @example guangan-zwzx
             */
            hallId: string;
            /**
             * Format: date
             * @description The local date the forecast is for.
             * @example 2026-11-23
             */
            date: string;
            /**
             * @description One entry per opening hour, in order.
             * @example [
             *       {
             *         "hour": 9,
             *         "expectedWaitMinutes": 28,
             *         "level": "medium"
             *       },
             *       {
             *         "hour": 10,
             *         "expectedWaitMinutes": 41,
             *         "level": "high"
             *       }
             *     ]
             */
            hours: components["schemas"]["ForecastHour"][];
        };
        /**
         * @description The expected wait for tickets taken during one local hour.
         * @example {
         *       "hour": 10,
         *       "expectedWaitMinutes": 41,
         *       "level": "high"
         *     }
         */
        ForecastHour: {
            /**
             * @description The local hour, `9` meaning 09:00-09:59.
             * @example 10
             */
            hour: number;
            /**
             * @description Expected minutes between taking a ticket and being called.
             * @example 41
             */
            expectedWaitMinutes: number;
            /**
             * @description The server's banding of the wait for display (空闲 `low`, 适中 `medium`, 繁忙 `high`).
             * @example high
             * @enum {string}
             */
            level: "low" | "medium" | "high";
        };
        /**
         * @description Every service item of the region in compact form, with the tables for client-side search. Names,
         *     departments, types, codes and guide links are published data; the remaining item attributes served by the
         *     reference server are illustrative (`illustrative: true`).
         * @example {
         *       "version": "9c1e4b7a2d3f",
         *       "generatedAt": "2026-11-22T23:16:05+08:00",
         *       "region": "四川省广安市广安区",
         *       "attribution": "事项名称、实施主体、事项编码和办事指南链接来自四川政务服务网公开数据（经 v-luobo/zwfw 整理，Apache-2.0）；办理时限、跑动次数、材料等为示例数据。",
         *       "illustrative": true,
         *       "count": 1,
         *       "departments": [
         *         "区经信局",
         *         "区教科体局",
         *         "区人社局"
         *       ],
         *       "types": {
         *         "1": "行政许可",
         *         "20": "公共服务"
         *       },
         *       "items": [
         *         {
         *           "code": "512B0070200006-511602000000-000-1151130108778239R-1-00",
         *           "name": "社会保障卡补领、换领、换发",
         *           "dept": 2,
         *           "pinyin": "she hui bao zhang ka bu ling huan ling huan fa",
         *           "initials": "shbzkblhlhf",
         *           "aliases": [
         *             "社保卡补办",
         *             "社保卡换卡"
         *           ],
         *           "type": 20,
         *           "visits": 1,
         *           "fullyOnline": false,
         *           "crossRegion": "southwest",
         *           "instant": false,
         *           "promisedDays": 1,
         *           "popularity": 982
         *         }
         *       ],
         *       "charPinyin": {
         *         "社": [
         *           "she"
         *         ],
         *         "会": [
         *           "hui",
         *           "kuai"
         *         ],
         *         "行": [
         *           "xing",
         *           "hang"
         *         ]
         *       },
         *       "traditional": {
         *         "補": "补",
         *         "會": "会"
         *       }
         *     }
         */
        Catalogue: {
            /**
             * @description A hash of the catalogue's content (such as a hex digest prefix); it changes whenever anything in it changes.
             * @example 9c1e4b7a2d3f
             */
            version: string;
            /**
             * Format: date-time
             * @description When the catalogue was built.
             * @example 2026-11-22T23:16:05+08:00
             */
            generatedAt: string;
            /**
             * @description The administrative region the items belong to.
             * @example 四川省广安市广安区
             */
            region: string;
            /**
             * @description Where the data comes from and under what licence; portals show it with search results.
             * @example 事项名称、实施主体、事项编码和办事指南链接来自四川政务服务网公开数据（经 v-luobo/zwfw 整理，Apache-2.0）；办理时限、跑动次数、材料等为示例数据。
             */
            attribution: string;
            /**
             * @description Marks that part of the item attributes are illustrative demo data, not official information.
             * @example true
             * @constant
             */
            illustrative: true;
            /**
             * @description The number of items, equal to the length of `items`.
             * @example 1135
             */
            count: number;
            /**
             * @description The implementing departments (实施主体); items refer to them by index.
             * @example [
             *       "区经信局",
             *       "区教科体局",
             *       "区人社局"
             *     ]
             */
            departments: string[];
            /**
             * @description The national item type codes (事项类型) in use, mapped to their names; keys are the codes as strings.
             * @example {
             *       "1": "行政许可",
             *       "10": "其他行政权力",
             *       "20": "公共服务"
             *     }
             */
            types: {
                [key: string]: string;
            };
            /**
             * @description Every service item.
             * @example [
             *       {
             *         "code": "512B0070200006-511602000000-000-1151130108778239R-1-00",
             *         "name": "社会保障卡补领、换领、换发",
             *         "dept": 2,
             *         "pinyin": "she hui bao zhang ka bu ling huan ling huan fa",
             *         "initials": "shbzkblhlhf",
             *         "aliases": [
             *           "社保卡补办",
             *           "社保卡换卡"
             *         ],
             *         "type": 20,
             *         "visits": 1,
             *         "fullyOnline": false,
             *         "crossRegion": "southwest",
             *         "instant": false,
             *         "promisedDays": 1,
             *         "popularity": 982
             *       }
             *     ]
             */
            items: components["schemas"]["CatalogueItem"][];
            /**
             * @description For every Han character in item names and aliases, its possible pinyin syllables (lowercase, without
             *     tones), so that a client can match pinyin typed for any reading of a polyphonic character.
             * @example {
             *       "社": [
             *         "she"
             *       ],
             *       "行": [
             *         "xing",
             *         "hang"
             *       ]
             *     }
             */
            charPinyin: {
                [key: string]: string[];
            };
            /**
             * @description Traditional characters mapped to their simplified forms, so that a query typed in 繁体 matches.
             * @example {
             *       "補": "补",
             *       "證": "证"
             *     }
             */
            traditional: {
                [key: string]: string;
            };
        };
        /**
         * @description A service item (政务服务事项) in the catalogue's compact form.
         * @example {
         *       "code": "512B0070200006-511602000000-000-1151130108778239R-1-00",
         *       "name": "社会保障卡补领、换领、换发",
         *       "dept": 2,
         *       "pinyin": "she hui bao zhang ka bu ling huan ling huan fa",
         *       "initials": "shbzkblhlhf",
         *       "aliases": [
         *         "社保卡补办",
         *         "社保卡换卡"
         *       ],
         *       "type": 20,
         *       "visits": 1,
         *       "fullyOnline": false,
         *       "crossRegion": "southwest",
         *       "instant": false,
         *       "promisedDays": 1,
         *       "popularity": 982
         *     }
         */
        CatalogueItem: {
            /**
             * @description The item's implementation code (实施编码) on the provincial portal; unique.
             * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
             */
            code: string;
            /**
             * @description The item's official name (事项名称).
             * @example 社会保障卡补领、换领、换发
             */
            name: string;
            /**
             * @description The implementing department, as an index into the catalogue's `departments`.
             * @example 2
             */
            dept: number;
            /**
             * @description The pinyin of `name`, one lowercase toneless syllable per Han character, separated by single spaces; other characters are left out.
             * @example she hui bao zhang ka bu ling huan ling huan fa
             */
            pinyin: string;
            /**
             * @description The first letter of each syllable of `pinyin`, run together.
             * @example shbzkblhlhf
             */
            initials: string;
            /**
             * @description Everyday names residents search with (俗称).
             * @example [
             *       "社保卡补办",
             *       "社保卡换卡"
             *     ]
             */
            aliases: string[];
            /**
             * @description The national item type code (事项类型), named in the catalogue's `types`.
             * @example 20
             * @enum {integer}
             */
            type: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 20;
            /**
             * @description How many times the applicant must come to the hall (到办事现场次数), 0 to 3.
             * @example 1
             */
            visits: number;
            /**
             * @description Whether the item can be handled entirely online (全程网办).
             * @example false
             */
            fullyOnline: boolean;
            /**
             * @description Where else the item can be handled (通办范围).
             * @example southwest
             */
            crossRegion: components["schemas"]["CrossRegionScope"];
            /**
             * @description Whether the item is settled on the spot when the materials are complete (即办件).
             * @example true
             */
            instant: boolean;
            /**
             * @description The promised time limit (承诺时限) in working days; `null` when none is promised.
             * @example 1
             */
            promisedDays: number | null;
            /**
             * @description A relative popularity score used to order results; higher is more popular.
             * @example 982
             */
            popularity: number;
        };
        /**
         * @description Where an item can be handled besides its own district (通办范围): `none` (only locally), `province`
         *     (全省通办), `southwest` (西南地区“跨省通办”: Sichuan, Chongqing, Yunnan, Guizhou, Tibet), `national`
         *     (全国“跨省通办”).
         * @example southwest
         * @enum {string}
         */
        CrossRegionScope: "none" | "province" | "southwest" | "national";
        /**
         * @description One page of search results.
         * @example {
         *       "q": "社保卡补办",
         *       "total": 1,
         *       "page": 1,
         *       "pageSize": 20,
         *       "items": [
         *         {
         *           "code": "512B0070200006-511602000000-000-1151130108778239R-1-00",
         *           "name": "社会保障卡补领、换领、换发",
         *           "dept": "区人社局",
         *           "aliases": [
         *             "社保卡补办",
         *             "社保卡换卡"
         *           ],
         *           "type": 20,
         *           "visits": 1,
         *           "fullyOnline": false,
         *           "crossRegion": "southwest",
         *           "instant": false,
         *           "promisedDays": 1,
         *           "popularity": 982
         *         }
         *       ]
         *     }
         */
        ServiceSearchPage: {
            /**
             * @description The query as the server used it (trimmed); `""` when none was given.
             * @example 社保卡补办
             */
            q: string;
            /**
             * @description The number of matching items on all pages.
             * @example 12
             */
            total: number;
            /**
             * @description This page's number, from 1.
             * @example 1
             */
            page: number;
            /**
             * @description The page size used.
             * @example 20
             */
            pageSize: number;
            /**
             * @description The items on this page, best match first.
             * @example [
             *       {
             *         "code": "512B0070200006-511602000000-000-1151130108778239R-1-00",
             *         "name": "社会保障卡补领、换领、换发",
             *         "dept": "区人社局",
             *         "aliases": [
             *           "社保卡补办",
             *           "社保卡换卡"
             *         ],
             *         "type": 20,
             *         "visits": 1,
             *         "fullyOnline": false,
             *         "crossRegion": "southwest",
             *         "instant": false,
             *         "promisedDays": 1,
             *         "popularity": 982
             *       }
             *     ]
             */
            items: components["schemas"]["ServiceSummary"][];
        };
        /**
         * @description A service item in search results; a `CatalogueItem` without `pinyin` and `initials`, and with the department by name.
         * @example {
         *       "code": "512B0070200006-511602000000-000-1151130108778239R-1-00",
         *       "name": "社会保障卡补领、换领、换发",
         *       "dept": "区人社局",
         *       "aliases": [
         *         "社保卡补办",
         *         "社保卡换卡"
         *       ],
         *       "type": 20,
         *       "visits": 1,
         *       "fullyOnline": false,
         *       "crossRegion": "southwest",
         *       "instant": false,
         *       "promisedDays": 1,
         *       "popularity": 982
         *     }
         */
        ServiceSummary: {
            /**
             * @description The item's implementation code (实施编码); unique.
             * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
             */
            code: string;
            /**
             * @description The item's official name (事项名称).
             * @example 社会保障卡补领、换领、换发
             */
            name: string;
            /**
             * @description The implementing department's name (实施主体).
             * @example 区人社局
             */
            dept: string;
            /**
             * @description Everyday names residents search with (俗称).
             * @example [
             *       "社保卡补办",
             *       "社保卡换卡"
             *     ]
             */
            aliases: string[];
            /**
             * @description The national item type code (事项类型).
             * @example 20
             * @enum {integer}
             */
            type: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 20;
            /**
             * @description How many times the applicant must come to the hall (到办事现场次数), 0 to 3.
             * @example 1
             */
            visits: number;
            /**
             * @description Whether the item can be handled entirely online (全程网办).
             * @example false
             */
            fullyOnline: boolean;
            /**
             * @description Where else the item can be handled (通办范围).
             * @example southwest
             */
            crossRegion: components["schemas"]["CrossRegionScope"];
            /**
             * @description Whether the item is settled on the spot (即办件).
             * @example true
             */
            instant: boolean;
            /**
             * @description The promised time limit (承诺时限) in working days; `null` when none is promised.
             * @example 1
             */
            promisedDays: number | null;
            /**
             * @description A relative popularity score; higher is more popular.
             * @example 982
             */
            popularity: number;
        };
        /**
         * @description The full guide of a service item (办事指南).
         * @example {
         *       "code": "512B0070200006-511602000000-000-1151130108778239R-1-00",
         *       "name": "社会保障卡补领、换领、换发",
         *       "department": "区人社局",
         *       "type": 20,
         *       "typeName": "公共服务",
         *       "legalLimit": null,
         *       "promisedLimit": {
         *         "value": 1,
         *         "unit": "workday"
         *       },
         *       "visits": 1,
         *       "onlineDepth": 3,
         *       "fullyOnline": false,
         *       "crossRegion": "southwest",
         *       "crossRegionNote": "可在川、渝、滇、黔、藏任一政务服务中心“跨省通办”窗口提交申请，新卡可邮寄送达。",
         *       "instant": false,
         *       "fee": {
         *         "charged": false,
         *         "items": []
         *       },
         *       "materials": [
         *         {
         *           "name": "居民身份证",
         *           "form": "paper",
         *           "copies": 1,
         *           "required": true,
         *           "note": "原件，现场核验后退还"
         *         },
         *         {
         *           "name": "社会保障卡补换申请表",
         *           "form": "either",
         *           "copies": 1,
         *           "required": true
         *         },
         *         {
         *           "name": "近期免冠彩色证件照",
         *           "form": "electronic",
         *           "copies": 1,
         *           "required": false,
         *           "note": "现场可免费拍照"
         *         }
         *       ],
         *       "locations": [
         *         {
         *           "name": "广安区政务服务中心",
         *           "address": "四川省广安市广安区金安大道二段 188 号",
         *           "window": "社保医保综合窗口（5 号、6 号窗口）",
         *           "hours": "工作日 09:00-12:00，13:30-17:00",
         *           "phone": "0826-2345678"
         *         }
         *       ],
         *       "onlineUrl": null,
         *       "guideUrl": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200006-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
         *       "aliases": [
         *         "社保卡补办",
         *         "社保卡换卡"
         *       ],
         *       "illustrative": true
         *     }
         */
        ServiceDetail: {
            /**
             * @description The item's implementation code (实施编码).
             * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
             */
            code: string;
            /**
             * @description The item's official name (事项名称).
             * @example 社会保障卡补领、换领、换发
             */
            name: string;
            /**
             * @description The implementing department (实施主体).
             * @example 区人社局
             */
            department: string;
            /**
             * @description The national item type code (事项类型).
             * @example 20
             * @enum {integer}
             */
            type: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 20;
            /**
             * @description The name of `type`.
             * @example 公共服务
             */
            typeName: string;
            /**
             * @description The statutory time limit (法定办结时限); `null` when the law sets none.
             * @example {
             *       "value": 20,
             *       "unit": "workday"
             *     }
             */
            legalLimit: components["schemas"]["TimeLimit"] | null;
            /**
             * @description The promised time limit (承诺办结时限); `null` when none is promised.
             * @example {
             *       "value": 1,
             *       "unit": "workday"
             *     }
             */
            promisedLimit: components["schemas"]["TimeLimit"] | null;
            /**
             * @description How many times the applicant must come to the hall (到办事现场次数), 0 to 3.
             * @example 1
             */
            visits: number;
            /**
             * @description How far the item can be handled online (网上办理深度): 1 guide published online, 2 forms downloadable,
             *     3 application and pre-review online, 4 fully online (全程网办).
             * @example 3
             */
            onlineDepth: number;
            /**
             * @description Whether the item can be handled entirely online (全程网办).
             * @example false
             */
            fullyOnline: boolean;
            /**
             * @description Where else the item can be handled (通办范围).
             * @example southwest
             */
            crossRegion: components["schemas"]["CrossRegionScope"];
            /**
             * @description How cross-region handling works for this item, when it applies.
             * @example 可在川、渝、滇、黔、藏任一政务服务中心“跨省通办”窗口提交申请，新卡可邮寄送达。
             */
            crossRegionNote?: string;
            /**
             * @description Whether the item is settled on the spot when the materials are complete (即办件).
             * @example true
             */
            instant: boolean;
            /**
             * @description Whether and what the item charges (收费).
             * @example {
             *       "charged": false,
             *       "items": []
             *     }
             */
            fee: components["schemas"]["Fee"];
            /**
             * @description The materials to submit (申请材料), in the order the guide lists them.
             * @example [
             *       {
             *         "name": "居民身份证",
             *         "form": "paper",
             *         "copies": 1,
             *         "required": true,
             *         "note": "原件，现场核验后退还"
             *       }
             *     ]
             */
            materials: components["schemas"]["Material"][];
            /**
             * @description Where the item is handled in person (办理地点).
             * @example [
             *       {
             *         "name": "广安区政务服务中心",
             *         "address": "四川省广安市广安区金安大道二段 188 号",
             *         "window": "社保医保综合窗口（5 号、6 号窗口）",
             *         "hours": "工作日 09:00-12:00，13:30-17:00",
             *         "phone": "0826-2345678"
             *       }
             *     ]
             */
            locations: components["schemas"]["ServiceLocation"][];
            /**
             * Format: uri
             * @description Where to apply online; `null` when the item cannot be started online.
             * @example http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200006-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R
             */
            onlineUrl: string | null;
            /**
             * Format: uri
             * @description The item's official guide page on the provincial portal (四川政务服务网).
             * @example http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200006-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R
             */
            guideUrl: string;
            /**
             * @description Everyday names residents search with (俗称).
             * @example [
             *       "社保卡补办",
             *       "社保卡换卡"
             *     ]
             */
            aliases: string[];
            /**
             * @description Marks that the guide's time limits, visits, depth, fees, materials and locations are illustrative demo data, not official information.
             * @example true
             * @constant
             */
            illustrative: true;
        };
        /**
         * @description A time limit (办结时限).
         * @example {
         *       "value": 20,
         *       "unit": "workday"
         *     }
         */
        TimeLimit: {
            /**
             * @description The length of the limit.
             * @example 20
             */
            value: number;
            /**
             * @description `workday` (工作日) or calendar `day` (自然日).
             * @example workday
             * @enum {string}
             */
            unit: "workday" | "day";
        };
        /**
         * @description What a service item charges (收费标准).
         * @example {
         *       "charged": true,
         *       "items": [
         *         {
         *           "name": "住宅类不动产登记费",
         *           "amount": "80元",
         *           "basis": "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）"
         *         }
         *       ]
         *     }
         */
        Fee: {
            /**
             * @description Whether the item charges at all; `false` means 不收费.
             * @example true
             */
            charged: boolean;
            /**
             * @description The charges; empty when `charged` is `false`.
             * @example [
             *       {
             *         "name": "住宅类不动产登记费",
             *         "amount": "80元",
             *         "basis": "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）"
             *       }
             *     ]
             */
            items: components["schemas"]["FeeItem"][];
        };
        /**
         * @description One charge of a service item.
         * @example {
         *       "name": "住宅类不动产登记费",
         *       "amount": "80元",
         *       "basis": "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）"
         *     }
         */
        FeeItem: {
            /**
             * @description What is charged (收费项目).
             * @example 住宅类不动产登记费
             */
            name: string;
            /**
             * @description The amount as the guide states it, in yuan (收费标准).
             * @example 80元
             */
            amount: string;
            /**
             * @description The legal basis of the charge (收费依据).
             * @example 《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）
             */
            basis: string;
        };
        /**
         * @description One material to submit (申请材料).
         * @example {
         *       "name": "居民身份证",
         *       "form": "paper",
         *       "copies": 1,
         *       "required": true,
         *       "note": "原件，现场核验后退还"
         *     }
         */
        Material: {
            /**
             * @description The material's name.
             * @example 居民身份证
             */
            name: string;
            /**
             * @description Accepted form (材料形式): `paper` (纸质), `electronic` (电子), `either` (纸质或电子).
             * @example paper
             * @enum {string}
             */
            form: "paper" | "electronic" | "either";
            /**
             * @description How many copies (份数).
             * @example 1
             */
            copies: number;
            /**
             * @description Whether the material is mandatory (必要性); `false` means only in some cases (容缺或视情况提供).
             * @example true
             */
            required: boolean;
            /**
             * @description A remark on the material (备注).
             * @example 原件，现场核验后退还
             */
            note?: string;
        };
        /**
         * @description A place where the item is handled in person (办理地点).
         * @example {
         *       "name": "广安区政务服务中心",
         *       "address": "四川省广安市广安区金安大道二段 188 号",
         *       "window": "社保医保综合窗口（5 号、6 号窗口）",
         *       "hours": "工作日 09:00-12:00，13:30-17:00",
         *       "phone": "0826-2345678"
         *     }
         */
        ServiceLocation: {
            /**
             * @description The hall or office.
             * @example 广安区政务服务中心
             */
            name: string;
            /**
             * @description Its street address.
             * @example 四川省广安市广安区金安大道二段 188 号
             */
            address: string;
            /**
             * @description The window or counter to go to.
             * @example 社保医保综合窗口（5 号、6 号窗口）
             */
            window: string;
            /**
             * @description When it is open, as the guide states it.
             * @example 工作日 09:00-12:00，13:30-17:00
             */
            hours: string;
            /**
             * @description The enquiry telephone number (咨询电话).
             * @example 0826-2345678
             */
            phone: string;
        };
        /**
         * @description The rating levels, the reasons offered at each, and the form's rules.
         * @example {
         *       "levels": [
         *         {
         *           "level": 5,
         *           "name": "非常满意",
         *           "bad": false,
         *           "reasons": [
         *             {
         *               "code": "513",
         *               "text": "可以全程网上办理"
         *             },
         *             {
         *               "code": "514",
         *               "text": "可以使用手机办理"
         *             }
         *           ]
         *         },
         *         {
         *           "level": 4,
         *           "name": "满意",
         *           "bad": false,
         *           "reasons": [
         *             {
         *               "code": "411",
         *               "text": "跑大厅一次办完"
         *             }
         *           ]
         *         },
         *         {
         *           "level": 3,
         *           "name": "基本满意",
         *           "bad": false,
         *           "reasons": [
         *             {
         *               "code": "310",
         *               "text": "办事指南指引准确"
         *             }
         *           ]
         *         },
         *         {
         *           "level": 2,
         *           "name": "不满意",
         *           "bad": true,
         *           "reasons": [
         *             {
         *               "code": "212",
         *               "text": "在线预约办理后到实体大厅重复取号排队"
         *             },
         *             {
         *               "code": "213",
         *               "text": "窗口人员业务不熟练"
         *             }
         *           ]
         *         },
         *         {
         *           "level": 1,
         *           "name": "非常不满意",
         *           "bad": true,
         *           "reasons": [
         *             {
         *               "code": "113",
         *               "text": "多头跑窗口和部门"
         *             }
         *           ]
         *         }
         *       ],
         *       "commentMaxLength": 500,
         *       "followUpWorkingDays": 10
         *     }
         */
        RatingReasons: {
            /**
             * @description The five levels, from 5 (非常满意) down to 1 (非常不满意).
             * @example [
             *       {
             *         "level": 5,
             *         "name": "非常满意",
             *         "bad": false,
             *         "reasons": [
             *           {
             *             "code": "513",
             *             "text": "可以全程网上办理"
             *           }
             *         ]
             *       },
             *       {
             *         "level": 4,
             *         "name": "满意",
             *         "bad": false,
             *         "reasons": [
             *           {
             *             "code": "411",
             *             "text": "跑大厅一次办完"
             *           }
             *         ]
             *       },
             *       {
             *         "level": 3,
             *         "name": "基本满意",
             *         "bad": false,
             *         "reasons": [
             *           {
             *             "code": "310",
             *             "text": "办事指南指引准确"
             *           }
             *         ]
             *       },
             *       {
             *         "level": 2,
             *         "name": "不满意",
             *         "bad": true,
             *         "reasons": [
             *           {
             *             "code": "213",
             *             "text": "窗口人员业务不熟练"
             *           }
             *         ]
             *       },
             *       {
             *         "level": 1,
             *         "name": "非常不满意",
             *         "bad": true,
             *         "reasons": [
             *           {
             *             "code": "113",
             *             "text": "多头跑窗口和部门"
             *           }
             *         ]
             *       }
             *     ]
             */
            levels: components["schemas"]["RatingLevel"][];
            /**
             * @description The most characters a comment may have.
             * @example 500
             */
            commentMaxLength: number;
            /**
             * @description Working days within which a bad rating is followed up (整改反馈时限).
             * @example 10
             */
            followUpWorkingDays: number;
        };
        /**
         * @description One rating level and the reasons a resident may pick with it.
         * @example {
         *       "level": 2,
         *       "name": "不满意",
         *       "bad": true,
         *       "reasons": [
         *         {
         *           "code": "212",
         *           "text": "在线预约办理后到实体大厅重复取号排队"
         *         },
         *         {
         *           "code": "213",
         *           "text": "窗口人员业务不熟练"
         *         }
         *       ]
         *     }
         */
        RatingLevel: {
            /**
             * @description The level, 5 the best.
             * @example 2
             */
            level: number;
            /**
             * @description The level's name.
             * @example 不满意
             */
            name: string;
            /**
             * @description Whether the level counts as a bad rating (差评), which needs reasons and is followed up.
             * @example true
             */
            bad: boolean;
            /**
             * @description The reasons offered at this level.
             * @example [
             *       {
             *         "code": "212",
             *         "text": "在线预约办理后到实体大厅重复取号排队"
             *       },
             *       {
             *         "code": "213",
             *         "text": "窗口人员业务不熟练"
             *       }
             *     ]
             */
            reasons: components["schemas"]["RatingReason"][];
        };
        /**
         * @description A reason a resident may give for a rating.
         * @example {
         *       "code": "213",
         *       "text": "窗口人员业务不熟练"
         *     }
         */
        RatingReason: {
            /**
             * @description The reason's code, three digits, the first being the level it belongs to.
             * @example 212
             */
            code: string;
            /**
             * @description The reason as shown to the resident.
             * @example 需要多次跑动
             */
            text: string;
        };
        /**
         * @description The body of a rating. Beyond the schema: a level of 2 or 1 needs at least one reason; every reason must be
         *     offered for the chosen level; a `phone` needs `contactConsent: true`.
         * @example {
         *       "caseId": "51160220261123000451.ZZMaofVRAwzPvvNswMM30w",
         *       "serviceCode": "512B0070200006-511602000000-000-1151130108778239R-1-00",
         *       "windowId": "w05",
         *       "hallId": "guangan-zwzx",
         *       "channel": "mobile",
         *       "level": 2,
         *       "reasons": [
         *         "212",
         *         "213"
         *       ],
         *       "comment": "材料清单上没写需要户口簿，白跑了一趟。",
         *       "phone": "13890261234",
         *       "contactConsent": true
         *     }
         */
        RatingInput: {
            /**
             * @description The handled case, as the system that handled it (办件系统) gave it to the resident, in the rating link,
             *     QR code or window rating pad: the case number (办件编号), a `.`, and the system's signature of the number
             *     (the reference server: the first 128 bits of HMAC-SHA256 over `zw-case:v1:` followed by the number, with
             *     a secret the two systems share, in base64url, 22 characters). Each case can be rated once. Servers that
             *     verify case ids refuse one without a valid signature (`422`, code `signature`); the bare number is
             *     accepted only by servers that do not.
             * @example 51160220261123000451.ZZMaofVRAwzPvvNswMM30w
             */
            caseId: string;
            /**
             * @description The service item the case was for.
             * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
             */
            serviceCode?: string;
            /**
             * @description The window that handled the case, when it was handled in a hall.
             * @example w05
             */
            windowId?: string;
            /**
             * @description The staff member who handled the case (工号).
             * @example GA0517
             */
            staffId?: string;
            /**
             * @description The hall where the case was handled.
             * @example guangan-zwzx
             */
            hallId?: string;
            /**
             * @description Where the rating is given.
             * @example mobile
             */
            channel: components["schemas"]["Channel"];
            /**
             * @description The rating, 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.
             * @example 2
             */
            level: number;
            /**
             * @description Codes of the reasons picked, from those offered for `level`; at least one for a level of 2 or 1.
             * @example [
             *       "212",
             *       "213"
             *     ]
             */
            reasons: string[];
            /**
             * @description Free text from the resident.
             * @example 材料清单上没写需要户口簿，白跑了一趟。
             */
            comment?: string;
            /**
             * @description A mainland mobile number for the follow-up call (回访); needs `contactConsent: true`. Personal data: a server
             *     keeps it encrypted, shows it only to the rating officer of the rating's hall (each opening logged), and
             *     deletes it after a retention period (the reference server: 60 days, configurable). It is never sent
             *     back to the resident or included in any public answer.
             * @example 13890261234
             */
            phone?: string;
            /**
             * @description Whether the resident agrees to be contacted about the rating.
             * @example true
             */
            contactConsent?: boolean;
        };
        /**
         * @description The receipt for a recorded rating.
         * @example {
         *       "id": "6b2f0d8e-1c4a-4f7b-9e35-0a8d2c7f41b6",
         *       "caseId": "51160220261123000451",
         *       "level": 2,
         *       "reasons": [
         *         "212",
         *         "213"
         *       ],
         *       "createdAt": "2026-11-23T10:32:15+08:00",
         *       "bad": true,
         *       "trackingCode": "HC20261123-7F3K-9QMA-2XWD-PLR8",
         *       "followUp": {
         *         "dueBy": "2026-12-07",
         *         "workingDays": 10
         *       }
         *     }
         */
        RatingReceipt: {
            /**
             * @description The rating's id, opaque.
             * @example 6b2f0d8e-1c4a-4f7b-9e35-0a8d2c7f41b6
             */
            id: string;
            /**
             * @description The rated case's number (办件编号), without the signature the case id was given with.
             * @example 51160220261123000451
             */
            caseId: string;
            /**
             * @description The level given.
             * @example 2
             */
            level: number;
            /**
             * @description The reason codes given.
             * @example [
             *       "212",
             *       "213"
             *     ]
             */
            reasons: string[];
            /**
             * Format: date-time
             * @description When the rating was recorded.
             * @example 2026-11-23T10:32:15+08:00
             */
            createdAt: string;
            /**
             * @description Whether the rating is a bad one (差评, level 2 or 1).
             * @example true
             */
            bad: boolean;
            /**
             * @description For a bad rating, the code to follow its rectification with (together with the case id); `null`
             *     otherwise. `HC`, the day, and groups of four characters from `23456789ABCDEFGHJKLMNPQRSTUVWXYZ` (no 0, O,
             *     1 or I, for reading aloud): codes issued now have four random groups (80 bits), so they cannot be
             *     guessed; codes issued before have one.
             * @example HC20261123-7F3K-9QMA-2XWD-PLR8
             */
            trackingCode: string | null;
            /**
             * @description For a bad rating, when the follow-up is due; `null` otherwise.
             * @example {
             *       "dueBy": "2026-12-07",
             *       "workingDays": 10
             *     }
             */
            followUp: components["schemas"]["RatingFollowUpPlan"] | null;
        };
        /**
         * @description When a bad rating's follow-up is due.
         * @example {
         *       "dueBy": "2026-12-07",
         *       "workingDays": 10
         *     }
         */
        RatingFollowUpPlan: {
            /**
             * Format: date
             * @description The last local date by which the department must report back.
             * @example 2026-12-07
             */
            dueBy: string;
            /**
             * @description The working days allowed.
             * @example 10
             */
            workingDays: number;
        };
        /**
         * @description Counts of ratings by level in a scope.
         * @example {
         *       "scope": {
         *         "service": null,
         *         "window": null,
         *         "hall": "guangan-zwzx"
         *       },
         *       "count": 1284,
         *       "byLevel": {
         *         "1": 6,
         *         "2": 11,
         *         "3": 57,
         *         "4": 203,
         *         "5": 1007
         *       },
         *       "goodRate": 0.9868
         *     }
         */
        RatingSummary: {
            /**
             * @description The filters the summary applies, as given in the query; absent or `null` ones were not applied.
             * @example {
             *       "service": null,
             *       "window": null,
             *       "hall": "guangan-zwzx"
             *     }
             */
            scope: {
                /**
                 * @description The service item code filtered on.
                 * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
                 */
                service?: string | null;
                /**
                 * @description The window id filtered on.
                 * @example w05
                 */
                window?: string | null;
                /**
                 * @description The hall id filtered on.
                 * @example guangan-zwzx
                 */
                hall?: string | null;
            };
            /**
             * @description The number of ratings in the scope.
             * @example 1284
             */
            count: number;
            /**
             * @description The number of ratings at each level, keyed by the level as a string.
             * @example {
             *       "1": 6,
             *       "2": 11,
             *       "3": 57,
             *       "4": 203,
             *       "5": 1007
             *     }
             */
            byLevel: {
                /**
                 * @description 非常不满意.
                 * @example 6
                 */
                1: number;
                /**
                 * @description 不满意.
                 * @example 11
                 */
                2: number;
                /**
                 * @description 基本满意.
                 * @example 57
                 */
                3: number;
                /**
                 * @description 满意.
                 * @example 203
                 */
                4: number;
                /**
                 * @description 非常满意.
                 * @example 1007
                 */
                5: number;
            };
            /**
             * @description The share of ratings that are not bad (levels 3 to 5), from 0 to 1; `null` when `count` is 0.
             * @example 0.9868
             */
            goodRate: number | null;
        };
        /**
         * @description The stage of a bad rating's follow-up: `received` (已受理), `assigned` (已转办 to the responsible department),
         *     `rectifying` (整改中), `revisited` (已回访 the resident), `closed` (已办结).
         * @example rectifying
         * @enum {string}
         */
        RatingFollowUpStatus: "received" | "assigned" | "rectifying" | "revisited" | "closed";
        /**
         * @description The follow-up (整改) of a bad rating, as the resident sees it: where it stands, each step with the officer's
         *     reply in plain words (never internal notes or staff names), and, once closed, the resident's verdict on
         *     the fix. `status` and `history` keep the older, coarser vocabulary for clients written before `state` and
         *     `steps`.
         * @example {
         *       "trackingCode": "HC20261123-7F3K-9QMA-2XWD-PLR8",
         *       "level": 2,
         *       "status": "rectifying",
         *       "createdAt": "2026-11-23T10:32:15+08:00",
         *       "dueBy": "2026-12-07",
         *       "history": [
         *         {
         *           "status": "received",
         *           "at": "2026-11-23T10:32:15+08:00",
         *           "note": "差评已受理"
         *         },
         *         {
         *           "status": "assigned",
         *           "at": "2026-11-23T14:05:00+08:00",
         *           "note": "已转区人社局办理"
         *         },
         *         {
         *           "status": "rectifying",
         *           "at": "2026-11-24T09:30:00+08:00",
         *           "note": "已在办事指南材料清单中补充户口簿要求，并对窗口人员开展一次性告知培训"
         *         }
         *       ]
         *     }
         */
        RatingFollowUp: {
            /**
             * @description The tracking code.
             * @example HC20261123-7F3K-9QMA-2XWD-PLR8
             */
            trackingCode: string;
            /**
             * @description The level of the rating.
             * @example 2
             */
            level: number;
            /**
             * @description The current stage.
             * @example rectifying
             */
            status: components["schemas"]["RatingFollowUpStatus"];
            /**
             * Format: date-time
             * @description When the rating was recorded.
             * @example 2026-11-23T10:32:15+08:00
             */
            createdAt: string;
            /**
             * Format: date
             * @description The last local date by which the department must report back.
             * @example 2026-12-07
             */
            dueBy: string;
            /**
             * @description Every stage reached so far, oldest first.
             * @example [
             *       {
             *         "status": "received",
             *         "at": "2026-11-23T10:32:15+08:00",
             *         "note": "差评已受理"
             *       }
             *     ]
             */
            history: components["schemas"]["RatingFollowUpEvent"][];
            /**
             * @description Where the follow-up stands (the finer vocabulary of `steps`; `status` keeps the older one).
             * @example rectifying
             */
            state?: components["schemas"]["RatingCaseState"];
            /**
             * @description The department the follow-up is assigned to, `null` before it is.
             * @example 区人社局
             */
            department?: string | null;
            /** @description Every step so far, oldest first, with the officer's reply in plain words where one was given. */
            steps?: components["schemas"]["RatingFollowUpStep"][];
            /**
             * @description The resident's verdict on the fix, once given; `null` before.
             * @example null
             */
            verdict?: components["schemas"]["RatingFollowUpVerdict"] | null;
            /**
             * @description Whether a verdict can be given now (closed, none given yet, not annulled).
             * @example false
             */
            verdictOpen?: boolean;
        };
        /**
         * @description One stage reached in a follow-up.
         * @example {
         *       "status": "assigned",
         *       "at": "2026-11-23T14:05:00+08:00",
         *       "note": "已转区人社局办理"
         *     }
         */
        RatingFollowUpEvent: {
            /**
             * @description The stage reached.
             * @example assigned
             */
            status: components["schemas"]["RatingFollowUpStatus"];
            /**
             * Format: date-time
             * @description When it was reached.
             * @example 2026-11-23T14:05:00+08:00
             */
            at: string;
            /**
             * @description What was done, as recorded by the handling department.
             * @example 已转区人社局办理
             */
            note: string;
        };
        /**
         * @description Where a 差评 case stands: `accepted` (受理), `verifying` (核实), `rectifying` (整改), `revisiting` (回访),
         *     `closed` (办结); or `appealed` (申诉: the department contests the rating as malicious or mistaken) and
         *     `reviewed` (复核: decided, see the outcome).
         * @example rectifying
         * @enum {string}
         */
        RatingCaseState: "accepted" | "verifying" | "rectifying" | "revisiting" | "closed" | "appealed" | "reviewed";
        /**
         * @description What a resident says of the fix, `satisfied` (满意), `basically-satisfied` (基本满意) or `dissatisfied` (不满意).
         * @example satisfied
         * @enum {string}
         */
        RatingVerdict: "satisfied" | "basically-satisfied" | "dissatisfied";
        /**
         * @description A step of a follow-up as the resident sees it, with the officer's reply in plain words if any.
         * @example {
         *       "state": "rectifying",
         *       "at": "2026-11-24T09:30:00+08:00",
         *       "reply": "已在办事指南材料清单中补充户口簿要求。"
         *     }
         */
        RatingFollowUpStep: {
            /**
             * @description The state reached.
             * @example rectifying
             */
            state: components["schemas"]["RatingCaseState"];
            /**
             * Format: date-time
             * @description When.
             * @example 2026-11-24T09:30:00+08:00
             */
            at: string;
            /**
             * @description What the officer told the resident at this step.
             * @example 已在办事指南材料清单中补充户口簿要求。
             */
            reply?: string;
        };
        /**
         * @description The resident's verdict on the fix, once given (or deemed, see `defaulted`).
         * @example {
         *       "verdict": "satisfied",
         *       "at": "2026-12-08T19:02:11+08:00",
         *       "defaulted": false
         *     }
         */
        RatingFollowUpVerdict: {
            /**
             * @description The verdict.
             * @example satisfied
             */
            verdict: components["schemas"]["RatingVerdict"];
            /**
             * Format: date-time
             * @description When it was given.
             * @example 2026-12-08T19:02:11+08:00
             */
            at: string;
            /**
             * @description `true` when the resident gave none and the deployment deems an unanswered closed follow-up
             *     `basically-satisfied` after a number of days (off unless configured).
             * @example false
             */
            defaulted: boolean;
        };
        /**
         * @description The resident's verdict on the fix.
         * @example {
         *       "verdict": "basically-satisfied"
         *     }
         */
        RatingFollowUpVerdictInput: {
            /**
             * @description The verdict.
             * @example basically-satisfied
             */
            verdict: components["schemas"]["RatingVerdict"];
        };
        /**
         * @description A 差评 case in the desk's inbox (without the resident's number).
         * @example {
         *       "id": "0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13",
         *       "ratingId": "0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13",
         *       "trackingCode": "HC20260930-7F3K-9QMA-2XWD-PLR8",
         *       "hallId": "guangan-zwzx",
         *       "level": 1,
         *       "reasons": [
         *         "113"
         *       ],
         *       "serviceCode": null,
         *       "serviceName": null,
         *       "windowId": "w05",
         *       "state": "verifying",
         *       "department": "区人社局",
         *       "acceptedAt": "2026-09-30T10:15:12+08:00",
         *       "dueBy": "2026-10-21",
         *       "workingDaysLeft": 3,
         *       "overdue": false,
         *       "dueSoon": false,
         *       "hasContact": true,
         *       "annulled": false
         *     }
         */
        RatingCaseItem: {
            /**
             * @description The case's id (the rating's id).
             * @example 0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13
             */
            id: string;
            /**
             * @description The rating's id (for `getRatingContact`).
             * @example 0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13
             */
            ratingId: string;
            /**
             * @description The tracking code the resident was given.
             * @example HC20261123-7F3K-9QMA-2XWD-PLR8
             */
            trackingCode: string;
            /**
             * @description The hall, or `null` for a rating that names none.
             * @example guangan-zwzx
             */
            hallId: string | null;
            /**
             * @description The level (2 or 1).
             * @example 1
             */
            level: number;
            /**
             * @description The reason codes the resident chose.
             * @example [
             *       "113"
             *     ]
             */
            reasons: string[];
            /**
             * @description The rated service item, if named.
             * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
             */
            serviceCode: string | null;
            /**
             * @description Its name, if known.
             * @example 城乡居民基本养老保险参保登记
             */
            serviceName: string | null;
            /**
             * @description The rated window, if named.
             * @example w05
             */
            windowId: string | null;
            /**
             * @description Where the case stands.
             * @example verifying
             */
            state: components["schemas"]["RatingCaseState"];
            /**
             * @description The department the case is assigned to, `null` before it is.
             * @example 区人社局
             */
            department: string | null;
            /**
             * Format: date-time
             * @description When the case was accepted (when the rating was given).
             * @example 2026-09-30T10:15:12+08:00
             */
            acceptedAt: string;
            /**
             * Format: date
             * @description The deadline, the last working day of the allowed ones (the case is on time when closed on it).
             * @example 2026-10-21
             */
            dueBy: string;
            /**
             * @description Working days from today to the deadline (0 on the day itself; negative once overdue); frozen when closed.
             * @example 3
             */
            workingDaysLeft: number;
            /**
             * @description Not closed (or annulled) and the deadline has passed.
             * @example false
             */
            overdue: boolean;
            /**
             * @description Not closed, not overdue, and at most 2 working days left.
             * @example false
             */
            dueSoon: boolean;
            /**
             * @description Whether a phone number for the 回访 is kept.
             * @example true
             */
            hasContact: boolean;
            /**
             * @description Annulled on appeal (left out of the figures).
             * @example false
             */
            annulled: boolean;
        };
        /** @description A hall's 差评 cases, nearest deadline first. */
        RatingCaseList: {
            /** @description The cases. */
            items: components["schemas"]["RatingCaseItem"][];
            /**
             * @description The working days a case is given (the deployment's setting, 5 to 15).
             * @example 10
             */
            workingDays: number;
        };
        /**
         * @description A step of a case as the desk sees it.
         * @example {
         *       "state": "verifying",
         *       "at": "2026-11-23T14:05:00+08:00",
         *       "note": "已调取 5 号窗口录像核实。",
         *       "reply": "我们正在核实您反映的情况。",
         *       "by": "李敏"
         *     }
         */
        RatingCaseStep: {
            /**
             * @description The state reached.
             * @example verifying
             */
            state: components["schemas"]["RatingCaseState"];
            /**
             * Format: date-time
             * @description When.
             * @example 2026-11-23T14:05:00+08:00
             */
            at: string;
            /**
             * @description The officer's internal note (never shown to the resident).
             * @example 已调取 5 号窗口录像核实。
             */
            note: string;
            /**
             * @description What the resident is told at this step, shown in their tracking view.
             * @example 我们正在核实您反映的情况。
             */
            reply?: string;
            /**
             * @description For `reviewed`, the outcome of the appeal.
             * @example upheld
             * @enum {string}
             */
            outcome?: "upheld" | "annulled";
            /**
             * @description For an annulled rating, why.
             * @example mistaken
             * @enum {string}
             */
            annulReason?: "malicious" | "mistaken";
            /**
             * @description Who took the step (the officer's name, else their subject); `system` for the acceptance.
             * @example 李敏
             */
            by: string;
        };
        /**
         * @description A 回访 of the resident.
         * @example {
         *       "at": "2026-11-30T15:00:00+08:00",
         *       "reached": true,
         *       "verdict": "satisfied",
         *       "note": "电话回访，评价人认可整改。",
         *       "by": "李敏"
         *     }
         */
        RatingRevisit: {
            /**
             * Format: date-time
             * @description When.
             * @example 2026-11-30T15:00:00+08:00
             */
            at: string;
            /**
             * @description Whether the resident was reached.
             * @example true
             */
            reached: boolean;
            /**
             * @description The resident's verdict on the fix, when reached and they gave one.
             * @example satisfied
             */
            verdict: components["schemas"]["RatingVerdict"] | null;
            /**
             * @description The officer's note.
             * @example 电话回访，评价人认可整改。
             */
            note: string;
            /**
             * @description Who called.
             * @example 李敏
             */
            by: string;
        };
        /** @description A 差评 case as the rating officer works it (never the phone number). */
        RatingCase: {
            /**
             * @description The case's id (the rating's id).
             * @example 0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13
             */
            id: string;
            /**
             * @description The rating's id.
             * @example 0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13
             */
            ratingId: string;
            /**
             * @description The resident's tracking code.
             * @example HC20261123-7F3K-9QMA-2XWD-PLR8
             */
            trackingCode: string;
            /**
             * @description The hall, or `null`.
             * @example guangan-zwzx
             */
            hallId: string | null;
            /**
             * @description The hall's name.
             * @example 广安区政务服务中心
             */
            hallName: string | null;
            /**
             * @description Where the case stands.
             * @example rectifying
             */
            state: components["schemas"]["RatingCaseState"];
            /**
             * @description The department it is assigned to, `null` before it is.
             * @example 区人社局
             */
            department: string | null;
            /**
             * Format: date-time
             * @description When the case was accepted.
             * @example 2026-11-23T10:15:12+08:00
             */
            acceptedAt: string;
            /**
             * Format: date
             * @description The deadline (last allowed working day).
             * @example 2026-12-07
             */
            dueBy: string;
            /**
             * @description The working days the case was given.
             * @example 10
             */
            workingDays: number;
            /**
             * @description Working days from today to the deadline (negative once overdue).
             * @example 6
             */
            workingDaysLeft: number;
            /**
             * @description Open and past the deadline.
             * @example false
             */
            overdue: boolean;
            /**
             * @description Open, not overdue, at most 2 working days left.
             * @example false
             */
            dueSoon: boolean;
            /**
             * Format: date-time
             * @description When it was closed (or annulled), `null` while open.
             * @example null
             */
            closedAt: string | null;
            /**
             * @description Closed by the deadline; `null` while open or when annulled.
             * @example null
             */
            onTime: boolean | null;
            /** @description The rating. */
            rating: {
                /**
                 * @description The handled case's number (办件编号).
                 * @example 51160220261123000451
                 */
                caseId: string;
                /**
                 * @description The level.
                 * @example 1
                 */
                level: number;
                /**
                 * @description The level's name.
                 * @example 非常不满意
                 */
                levelName: string;
                /** @description The reasons chosen, with their text. */
                reasons: components["schemas"]["RatingReason"][];
                /**
                 * @description The resident's comment.
                 * @example 等了一个多小时
                 */
                comment: string | null;
                /**
                 * @description Where the rating was given.
                 * @example hall
                 */
                channel: components["schemas"]["Channel"];
                /**
                 * Format: date-time
                 * @description When.
                 * @example 2026-11-23T10:15:12+08:00
                 */
                createdAt: string;
            };
            /** @description The handled case as far as the rating names it. */
            handled: {
                /**
                 * @description The service item (事项编码).
                 * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
                 */
                serviceCode: string | null;
                /**
                 * @description Its name.
                 * @example 城乡居民基本养老保险参保登记
                 */
                serviceName: string | null;
                /**
                 * @description The department responsible for the item (the default assignee).
                 * @example 区人社局
                 */
                serviceDepartment: string | null;
                /**
                 * @description The window.
                 * @example w05
                 */
                windowId: string | null;
                /**
                 * @description Its label.
                 * @example 5 号窗口
                 */
                windowLabel: string | null;
                /**
                 * @description The staff member who handled it (工号).
                 * @example GA0517
                 */
                staffId: string | null;
            };
            /**
             * @description Whether a phone number is kept (open it with `getRatingContact`, logged).
             * @example true
             */
            hasContact: boolean;
            /** @description Every step, oldest first; the first is the acceptance. */
            steps: components["schemas"]["RatingCaseStep"][];
            /** @description The 回访 records, oldest first. */
            revisits: components["schemas"]["RatingRevisit"][];
            /**
             * @description The appeal's outcome once reviewed, else `null`.
             * @example null
             */
            appeal: {
                /**
                 * @description `upheld` (the rating stands) or `annulled`.
                 * @example upheld
                 * @enum {string}
                 */
                outcome: "upheld" | "annulled";
                /**
                 * @description For an annulled rating, why.
                 * @example null
                 * @enum {string|null}
                 */
                annulReason: "malicious" | "mistaken" | null;
            } | null;
            /**
             * @description The resident's verdict on the fix, once given.
             * @example null
             */
            verdict: components["schemas"]["RatingFollowUpVerdict"] | null;
            /**
             * @description The states the case may move to now.
             * @example [
             *       "revisiting"
             *     ]
             */
            next: components["schemas"]["RatingCaseState"][];
        };
        /**
         * @description A step of a case.
         * @example {
         *       "to": "rectifying",
         *       "note": "窗口已核实，材料清单遗漏户口簿。",
         *       "reply": "经核实，办事指南漏列了户口簿，我们正在更正。"
         *     }
         */
        RatingCaseTransitionInput: {
            /**
             * @description The state to move to (one of the case's `next`).
             * @example rectifying
             */
            to: components["schemas"]["RatingCaseState"];
            /**
             * @description The officer's internal note.
             * @example 窗口已核实，材料清单遗漏户口簿。
             */
            note: string;
            /**
             * @description What the resident is told, in plain words (shown in their tracking view).
             * @example 经核实，办事指南漏列了户口簿，我们正在更正。
             */
            reply?: string;
            /**
             * @description Required with `to: reviewed`.
             * @example upheld
             * @enum {string}
             */
            outcome?: "upheld" | "annulled";
            /**
             * @description Required with `outcome: annulled`.
             * @example mistaken
             * @enum {string}
             */
            annulReason?: "malicious" | "mistaken";
        };
        /**
         * @description Whom a case is assigned to.
         * @example {
         *       "department": "区人社局"
         *     }
         */
        RatingCaseAssignmentInput: {
            /**
             * @description A department's name, from `listRatingDepartments`.
             * @example 区人社局
             */
            department: string;
            /**
             * @description A note.
             * @example 涉及社保窗口。
             */
            note?: string;
        };
        /**
         * @description A 回访 to record.
         * @example {
         *       "reached": true,
         *       "verdict": "satisfied",
         *       "note": "电话回访，评价人认可整改。"
         *     }
         */
        RatingRevisitInput: {
            /**
             * @description Whether the resident was reached.
             * @example true
             */
            reached: boolean;
            /**
             * @description Their verdict on the fix (only when reached).
             * @example satisfied
             */
            verdict?: components["schemas"]["RatingVerdict"];
            /**
             * @description The officer's note.
             * @example 电话回访，评价人认可整改。
             */
            note: string;
        };
        /** @description The departments a case can be assigned to. */
        RatingDepartmentList: {
            /** @description Their names, sorted. */
            departments: string[];
        };
        /**
         * @description The figures of one group (a hall, a department or a month).
         * @example {
         *       "key": "2026-11",
         *       "label": "2026年11月",
         *       "suppressed": false,
         *       "ratings": 412,
         *       "bad": 9,
         *       "goodRate": 0.9782,
         *       "rectificationRate": 0.7778,
         *       "revisitRate": 1,
         *       "onTimeRate": 0.8571
         *     }
         */
        RatingFiguresRow: {
            /**
             * @description The hall id, the department's name or the month (`YYYY-MM`); `-` for ratings naming none.
             * @example 2026-11
             */
            key: string;
            /**
             * @description What to show for the group.
             * @example 2026年11月
             */
            label: string;
            /**
             * @description Fewer ratings than `minimumCount`, so no numbers are given.
             * @example false
             */
            suppressed: boolean;
            /**
             * @description Ratings in the group (annulled ones left out).
             * @example 412
             */
            ratings: number | null;
            /**
             * @description 差评 among them.
             * @example 9
             */
            bad: number | null;
            /**
             * @description 好评率, 0 to 1.
             * @example 0.9782
             */
            goodRate: number | null;
            /**
             * @description 差评整改率, 0 to 1; `null` without 差评.
             * @example 0.7778
             */
            rectificationRate: number | null;
            /**
             * @description 回访率, 0 to 1; `null` without 差评 with a number.
             * @example 1
             */
            revisitRate: number | null;
            /**
             * @description On-time rate, 0 to 1; `null` while no case is closed or due.
             * @example 0.8571
             */
            onTimeRate: number | null;
        };
        /** @description 好差评 figures per group. */
        RatingFigures: {
            /**
             * @description How the rows are grouped.
             * @example month
             * @enum {string}
             */
            by: "hall" | "department" | "month";
            /**
             * @description The hall filtered on.
             * @example guangan-zwzx
             */
            hall: string | null;
            /**
             * Format: date
             * @description The first day counted, if limited.
             * @example 2026-10-01
             */
            from: string | null;
            /**
             * Format: date
             * @description The last day counted, if limited.
             * @example 2026-12-31
             */
            to: string | null;
            /**
             * @description Groups with fewer ratings are suppressed.
             * @example 5
             */
            minimumCount: number;
            /** @description The groups, by key. */
            rows: components["schemas"]["RatingFiguresRow"][];
        };
        /**
         * @description One rating as a record of the national 好差评 evaluation record's field set (评价记录), the form a district
         *     reports to the provincial platform. The package ships this schema as JSON Schema
         *     (`schemas/national-rating-record.schema.json`).
         * @example {
         *       "recordId": "0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13",
         *       "caseId": "51160220261123000451",
         *       "serviceCode": "512B0070200006-511602000000-000-1151130108778239R-1-00",
         *       "serviceName": "城乡居民基本养老保险参保登记",
         *       "level": 2,
         *       "levelName": "不满意",
         *       "reasonCodes": [
         *         "213"
         *       ],
         *       "comment": "窗口人员业务不熟",
         *       "channel": "hall",
         *       "ratedAt": "2026-11-23T10:15:12+08:00",
         *       "hallId": "guangan-zwzx",
         *       "hallName": "广安区政务服务中心",
         *       "department": "区人社局",
         *       "windowId": "w05",
         *       "staffId": "GA0517",
         *       "rectificationState": "closed",
         *       "dueBy": "2026-12-07",
         *       "closedAt": "2026-12-03T16:20:00+08:00",
         *       "onTime": true,
         *       "revisited": true,
         *       "residentVerdict": "satisfied",
         *       "annulled": false
         *     }
         */
        NationalRatingRecord: {
            /**
             * @description 评价编号, the rating's id (the idempotency key at the receiver).
             * @example 0b8e6a8e-2c1f-4d8e-9a51-6f0b2f4c9d13
             */
            recordId: string;
            /**
             * @description 办件编号.
             * @example 51160220261123000451
             */
            caseId: string;
            /**
             * @description 事项编码.
             * @example 512B0070200006-511602000000-000-1151130108778239R-1-00
             */
            serviceCode: string | null;
            /**
             * @description 事项名称.
             * @example 城乡居民基本养老保险参保登记
             */
            serviceName: string | null;
            /**
             * @description 评价等级, 5 非常满意 … 1 非常不满意.
             * @example 2
             */
            level: number;
            /**
             * @description 评价等级名称.
             * @example 不满意
             * @enum {string}
             */
            levelName: "非常满意" | "满意" | "基本满意" | "不满意" | "非常不满意";
            /**
             * @description 评价原因代码.
             * @example [
             *       "213"
             *     ]
             */
            reasonCodes: string[];
            /**
             * @description 评价内容 (the resident's comment).
             * @example 窗口人员业务不熟
             */
            comment: string | null;
            /**
             * @description 评价渠道.
             * @example hall
             */
            channel: components["schemas"]["Channel"];
            /**
             * Format: date-time
             * @description 评价时间.
             * @example 2026-11-23T10:15:12+08:00
             */
            ratedAt: string;
            /**
             * @description 服务大厅 (id).
             * @example guangan-zwzx
             */
            hallId: string | null;
            /**
             * @description 服务大厅名称.
             * @example 广安区政务服务中心
             */
            hallName: string | null;
            /**
             * @description 办理部门 (the assigned department, else the service item's).
             * @example 区人社局
             */
            department: string | null;
            /**
             * @description 窗口编号.
             * @example w05
             */
            windowId: string | null;
            /**
             * @description 工作人员工号.
             * @example GA0517
             */
            staffId: string | null;
            /**
             * @description 整改状态 of a 差评 (`null` for other ratings).
             * @example closed
             */
            rectificationState: components["schemas"]["RatingCaseState"] | null;
            /**
             * Format: date
             * @description 整改期限.
             * @example 2026-12-07
             */
            dueBy: string | null;
            /**
             * Format: date-time
             * @description 办结时间.
             * @example 2026-12-03T16:20:00+08:00
             */
            closedAt: string | null;
            /**
             * @description 按期办结.
             * @example true
             */
            onTime: boolean | null;
            /**
             * @description 已回访 (reached) for a 差评.
             * @example true
             */
            revisited: boolean | null;
            /**
             * @description 评价人对整改的评价 (given in the tracking view, else at the 回访, else deemed after the configured days).
             * @example satisfied
             */
            residentVerdict: components["schemas"]["RatingVerdict"] | null;
            /**
             * @description 申诉复核后作废 (malicious or mistaken).
             * @example false
             */
            annulled: boolean;
        };
        /** @description The ratings of a date range as national evaluation records. */
        NationalRatingExport: {
            /**
             * Format: date
             * @description The first local day.
             * @example 2026-10-01
             */
            from: string;
            /**
             * Format: date
             * @description The last local day.
             * @example 2026-10-31
             */
            to: string;
            /**
             * @description The hall filtered on, or `null` for every hall.
             * @example null
             */
            hall: string | null;
            /**
             * @description How many records.
             * @example 1
             */
            count: number;
            /** @description The records, oldest first. */
            records: components["schemas"]["NationalRatingRecord"][];
        };
        /** @description How the push of ratings to the provincial platform stands. */
        ProvincialPushStatus: {
            /**
             * @description Whether a provincial endpoint is configured (ratings are queued only then).
             * @example true
             */
            configured: boolean;
            /**
             * @description Ratings waiting (retried with backoff).
             * @example 2
             */
            pending: number;
            /**
             * @description Ratings delivered.
             * @example 1280
             */
            delivered: number;
            /**
             * @description Ratings the platform refused as invalid (not retried).
             * @example 0
             */
            failed: number;
        };
        /**
         * @description Where a rating is given (评价渠道): `pc` (政务服务网 on a computer), `mobile` (mobile web), `app` (天府通办
         *     app), `kiosk` (self-service terminal, 自助终端), `hall` (the window's rating pad, 窗口评价器), `wechat`
         *     (WeChat mini program or official account), `phone` (12345 hotline or SMS).
         * @example hall
         * @enum {string}
         */
        Channel: "pc" | "mobile" | "app" | "kiosk" | "hall" | "wechat" | "phone";
    };
    responses: {
        /**
         * @description The operation is not possible in the window's or the feed's current state (`conflict`); `code` says why:
         *     `window-claimed` (another console holds the window; see `holder`), `lease-lost` (this console's lease
         *     expired or was taken over), `window-busy` (a ticket is current; see `current`), `no-current-ticket`,
         *     `window-not-open`, `window-closed`, `hall-closed`, `not-recallable` (the missed ticket's grace is over),
         *     `unknown-ticket`, `sequence-conflict` (ingest: the same `seq` with another content; see `seqs`),
         *     `too-far-ahead` (ingest: an event too far past the applied position).
         */
        OperatorConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["OperatorProblem"];
            };
        };
        /**
         * @description The request has no credentials, or they are not valid (`unauthorized`): a token that is expired, signed by
         *     another key, issued by another identity provider or for another audience, or an unknown or revoked API key.
         *     The `WWW-Authenticate` header names the scheme (RFC 6750).
         */
        Unauthorized: {
            headers: {
                /** @description `Bearer realm="zhengwu-widgets"`, with `error="invalid_token"` when a token was refused. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:unauthorized",
                 *       "title": "需要登录",
                 *       "status": 401,
                 *       "detail": "登录凭证已过期。",
                 *       "instance": "/api/v1/staff/halls/guangan-zwzx/windows/w05/call"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The credentials are valid, but do not give a role this operation needs, or not in this hall (`forbidden`). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:forbidden",
                 *       "title": "无权执行此操作",
                 *       "status": 403,
                 *       "detail": "您在广安区政务服务中心没有窗口工作人员或大厅管理员的权限。",
                 *       "instance": "/api/v1/staff/halls/guangan-zwzx/windows/w05/call"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The operation is not possible in the current state (`conflict`), for example a closed window. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:conflict",
                 *       "title": "当前状态下无法执行此操作",
                 *       "status": 409,
                 *       "detail": "5 号窗口当前未开放。",
                 *       "instance": "/api/v1/staff/halls/guangan-zwzx/windows/w05/call"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The server cannot answer this now (`unavailable`): the identity provider could not be reached to check a token, the database is unreachable, or this replica is stopping. Try again (behind a load balancer, another replica answers); `Retry-After` may say when. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:unavailable",
                 *       "title": "服务暂不可用",
                 *       "status": 503,
                 *       "detail": "暂时无法验证登录凭证，请稍后再试。",
                 *       "instance": "/api/v1/staff/me"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The representation has not changed since the `ETag` given in `If-None-Match`; the body is empty. */
        NotModified: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description The request could not be read: the body is not valid JSON (`malformed-json`), or the `Idempotency-Key`
         *     header is missing or not 8 to 128 characters of `[A-Za-z0-9_-]` (`idempotency-key-missing`).
         */
        MalformedJson: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description There is no such hall, ticket, service item or tracking code (`not-found`). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:not-found",
                 *       "title": "未找到",
                 *       "status": 404,
                 *       "detail": "今日没有号码为 A923 的排队号。",
                 *       "instance": "/api/v1/halls/guangan-zwzx/tickets/A923"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No ticket can be issued now, because the hall is closed (`hall-closed`) or today's online quota is used up (`quota-exhausted`). */
        TicketUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The case has already been rated (`already-rated`); `existing` gives the rating on record. */
        AlreadyRated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:already-rated",
                 *       "title": "该办件已评价",
                 *       "status": 409,
                 *       "detail": "每个办件只能评价一次。",
                 *       "instance": "/api/v1/ratings",
                 *       "existing": {
                 *         "level": 4,
                 *         "createdAt": "2026-11-21T15:02:44+08:00"
                 *       }
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the server accepts (`payload-too-large`). Servers accept bodies of at least 8 KiB, far more than any valid body needs. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:payload-too-large",
                 *       "title": "请求体过大",
                 *       "status": 413,
                 *       "detail": "请求体不得超过 16384 字节。",
                 *       "instance": "/api/v1/ratings"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not sent as `application/json` (`unsupported-media-type`). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:unsupported-media-type",
                 *       "title": "不支持的内容类型",
                 *       "status": 415,
                 *       "detail": "请求体须为 application/json。",
                 *       "instance": "/api/v1/ratings"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description One or more query parameters are invalid (`validation`); `errors` lists each, its pointer naming the parameter. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:validation",
                 *       "title": "请求参数校验失败",
                 *       "status": 422,
                 *       "detail": "有 1 项参数不符合要求。",
                 *       "instance": "/api/v1/services/search?pageSize=500",
                 *       "errors": [
                 *         {
                 *           "pointer": "/pageSize",
                 *           "message": "每页条数应在 1 到 100 之间",
                 *           "code": "maximum"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The body is well-formed JSON but breaks the schema or a documented rule (`validation`, with `errors`), or
         *     the `Idempotency-Key` was already used with a different body (`idempotency-key-reuse`).
         */
        InvalidBody: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests from this client (`rate-limited`); `limit` says which limit, `detail` says it in words, and the client may try again after `Retry-After` seconds (see "Limits"). */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An unexpected server error (`internal`). The request may be retried later; POSTs with the same `Idempotency-Key`. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:zhengwu-widgets:problem:internal",
                 *       "title": "服务器内部错误",
                 *       "status": 500,
                 *       "detail": "服务暂时不可用，请稍后再试。",
                 *       "instance": "/api/v1/halls/guangan-zwzx/snapshot"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The lease of the console that works the window, from `POST …/windows/{windowId}/claim`. Required when a console holds the window; an action with a lease that expired or was taken over is `409 lease-lost`. */
        WindowLease: string;
        /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
        WindowId: string;
        /** @description The hall's id, as listed by `GET /api/v1/halls`. */
        HallId: string;
        /** @description Today's ticket number in the hall, a category prefix letter and three digits. */
        TicketNumber: string;
        /** @description The service item's implementation code (实施编码), as given in the catalogue. */
        ServiceCode: string;
        /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
        RatingCaseId: string;
        /** @description The tracking code from a bad rating's receipt (see `RatingReceipt.trackingCode`). */
        TrackingCode: string;
        /** @description The id of the rated case, as given for the rating (`RatingInput.caseId`, signed or not): the second factor of a follow-up lookup. */
        CaseIdQuery: string;
        /**
         * @description An id the client keeps on the device (16 to 64 characters of `[A-Za-z0-9_-]`, random, made once and
         *     stored), so that the server can limit the online tickets one device takes per hall and day. Optional: without
         *     it only the per-address limits apply. A malformed value is ignored. It identifies nothing but the device's
         *     own counts, and servers keep it no longer than the day.
         */
        DeviceId: string;
        /** @description The page to return, from 1. */
        Page: number;
        /** @description Items per page. */
        PageSize: number;
        /**
         * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
         *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
         *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
         */
        IdempotencyKey: string;
        /** @description An `ETag` received earlier for this resource; while it still matches the answer is `304` with no body. */
        IfNoneMatch: string;
        /** @description The `id` (a version, in decimal) of the last event received; the stream resumes after it. `EventSource` sends it by itself on reconnect. A value the server cannot use gets a fresh snapshot, not an error. */
        LastEventId: string;
        /** @description The same as the `Last-Event-ID` header, for clients that cannot set headers. Ignored when the header is present. */
        LastEventIdQuery: string;
    };
    requestBodies: never;
    headers: {
        /** @description An opaque validator of the representation; send it back in `If-None-Match` to revalidate. */
        ETag: string;
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
        /** @description Present, with the value `true`, when the response replays the outcome of an earlier request with the same `Idempotency-Key`. */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthLive"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReady"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listHalls: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The halls, in the order the district wants them shown. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallList"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getHallSnapshot: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `ETag` received earlier for this resource; while it still matches the answer is `304` with no body. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hall's current state. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallSnapshot"];
                };
            };
            304: components["responses"]["NotModified"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    streamHallEvents: {
        parameters: {
            query?: {
                /** @description The same as the `Last-Event-ID` header, for clients that cannot set headers. Ignored when the header is present. */
                lastEventId?: components["parameters"]["LastEventIdQuery"];
            };
            header?: {
                /** @description The `id` (a version, in decimal) of the last event received; the stream resumes after it. `EventSource` sends it by itself on reconnect. A value the server cannot use gets a fresh snapshot, not an error. */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
            };
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description An endless `text/event-stream` (UTF-8). Messages are separated by a blank line; each has an `event`
             *     line (`snapshot`, `patch` or `heartbeat`), an `id` line (the version; not on heartbeats) and one `data`
             *     line of JSON, following `HallSnapshot` for `snapshot`, `HallPatch` for `patch` and `HallHeartbeat` for
             *     `heartbeat`. The response also carries `Cache-Control: no-cache`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example retry: 3000
                     *
                     *     event: snapshot
                     *     id: 1287
                     *     data: {"hallId":"guangan-zwzx","name":"广安区政务服务中心","open":true,"hours":{"opens":"09:00","closes":"17:00","lunch":"12:00-13:30"},"windows":[{"id":"w05","label":"5 号窗口","status":"open","serving":"A019","categoryIds":["A"]}],"categories":[{"id":"A","name":"社保医保","prefix":"A","waiting":7,"avgServiceMinutes":6.5,"estimatedWaitMinutes":23}],"version":1287,"updatedAt":"2026-11-23T10:15:00+08:00"}
                     *
                     *     event: patch
                     *     id: 1288
                     *     data: {"version":1288,"updatedAt":"2026-11-23T10:15:12+08:00","windows":[{"id":"w05","label":"5 号窗口","status":"open","serving":"A020","categoryIds":["A"]}],"categories":[{"id":"A","name":"社保医保","prefix":"A","waiting":6,"avgServiceMinutes":6.5,"estimatedWaitMinutes":20}],"calls":[{"ticket":"A020","windowId":"w05","windowLabel":"5 号窗口","at":"2026-11-23T10:15:12+08:00"}]}
                     *
                     *     : hb
                     *     event: heartbeat
                     *     data: {"version":1288,"intervalMs":4000}
                     */
                    "text/event-stream": string;
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    takeTicket: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
                 *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
                 *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
                /**
                 * @description An id the client keeps on the device (16 to 64 characters of `[A-Za-z0-9_-]`, random, made once and
                 *     stored), so that the server can limit the online tickets one device takes per hall and day. Optional: without
                 *     it only the per-address limits apply. A malformed value is ignored. It identifies nothing but the device's
                 *     own counts, and servers keep it no longer than the day.
                 */
                "Zw-Device-Id"?: components["parameters"]["DeviceId"];
            };
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TakeTicketInput"];
            };
        };
        responses: {
            /** @description A replay of an earlier request with the same `Idempotency-Key` and body; the ticket issued then. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The ticket was issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["MalformedJson"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TicketUnavailable"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description Today's ticket number in the hall, a category prefix letter and three digits. */
                number: components["parameters"]["TicketNumber"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getForecast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forecast for today. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getCatalogue: {
        parameters: {
            query?: never;
            header?: {
                /** @description An `ETag` received earlier for this resource; while it still matches the answer is `304` with no body. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    /** @description Always `public, max-age=300`. */
                    "Cache-Control"?: "public, max-age=300";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            304: components["responses"]["NotModified"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    searchServices: {
        parameters: {
            query?: {
                /** @description Search text (Chinese, pinyin, initials or traditional characters). Leading and trailing spaces are ignored. */
                q?: string;
                /** @description Only items of this department, by its name exactly as listed in the catalogue's `departments`. */
                dept?: string;
                /** @description `true`: only items that can be handled entirely online (全程网办); `false`: only those that cannot. */
                fullyOnline?: boolean;
                /** @description Only items that need at most this many visits to the hall (跑动次数); `0` is 零跑动, `1` is 最多跑一次. */
                visits?: number;
                /** @description Only items handled across regions at exactly this scope (通办范围). */
                crossRegion?: components["schemas"]["CrossRegionScope"];
                /** @description `true`: only items settled on the spot (即办件); `false`: only those that are not. */
                instant?: boolean;
                /** @description Only items of this national item type code (事项类型), as keyed in the catalogue's `types`. */
                type?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 20;
                /** @description The page to return, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of matching items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceSearchPage"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item's implementation code (实施编码), as given in the catalogue. */
                code: components["parameters"]["ServiceCode"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item's guide. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceDetail"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getRatingReasons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The levels and reasons. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingReasons"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    submitRating: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
                 *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
                 *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingInput"];
            };
        };
        responses: {
            /** @description A replay of an earlier request with the same `Idempotency-Key` and body; the receipt given then. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingReceipt"];
                };
            };
            /** @description The rating was recorded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingReceipt"];
                };
            };
            400: components["responses"]["MalformedJson"];
            409: components["responses"]["AlreadyRated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getRatingSummary: {
        parameters: {
            query?: {
                /** @description Only ratings of this service item code. */
                service?: string;
                /** @description Only ratings given at this window id. */
                window?: string;
                /** @description Only ratings given in this hall id. */
                hall?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingSummary"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getRatingFollowUp: {
        parameters: {
            query: {
                /** @description The id of the rated case, as given for the rating (`RatingInput.caseId`, signed or not): the second factor of a follow-up lookup. */
                case: components["parameters"]["CaseIdQuery"];
            };
            header?: never;
            path: {
                /** @description The tracking code from a bad rating's receipt (see `RatingReceipt.trackingCode`). */
                trackingCode: components["parameters"]["TrackingCode"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The follow-up and its history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingFollowUp"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    submitFollowUpVerdict: {
        parameters: {
            query: {
                /** @description The id of the rated case, as given for the rating (`RatingInput.caseId`, signed or not): the second factor of a follow-up lookup. */
                case: components["parameters"]["CaseIdQuery"];
            };
            header?: never;
            path: {
                /** @description The tracking code from a bad rating's receipt (see `RatingReceipt.trackingCode`). */
                trackingCode: components["parameters"]["TrackingCode"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingFollowUpVerdictInput"];
            };
        };
        responses: {
            /** @description The same verdict was recorded before; the follow-up as it stands. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingFollowUp"];
                };
            };
            /** @description The verdict was recorded; the follow-up as it stands now. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingFollowUp"];
                };
            };
            400: components["responses"]["MalformedJson"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getRatingFigures: {
        parameters: {
            query: {
                /** @description How to group. */
                by: "hall" | "department" | "month";
                /** @description Only ratings given in this hall id. */
                hall?: string;
                /** @description The first local day (inclusive). */
                from?: string;
                /** @description The last local day (inclusive). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingFigures"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getStaffIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The identity. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffIdentity"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    callNextTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CallNextInput"];
            };
        };
        responses: {
            /** @description The window after the call, and the ticket called (`null` when nobody waits). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowCall"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    setWindowStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WindowStatusInput"];
            };
        };
        responses: {
            /** @description The window as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Window"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueWalkInTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TakeTicketInput"];
            };
        };
        responses: {
            /** @description The ticket was issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TicketUnavailable"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSimulator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The simulator's state for the hall. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulatorControl"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    controlSimulator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulatorInput"];
            };
        };
        responses: {
            /** @description The simulator's state after the action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulatorControl"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAuditLog: {
        parameters: {
            query?: {
                /** @description How many entries, newest first (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLog"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRatingFollowUps: {
        parameters: {
            query?: {
                /** @description How many, newest first (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The follow-ups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingFollowUpList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRatingContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rating's id (`RatingReceipt.id`, or `ratingId` in the follow-up list). */
                ratingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingContact"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getOperatorWindow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The window. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorWindow"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    claimWindow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowClaimInput"];
            };
        };
        responses: {
            /** @description The lease this console holds now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowClaim"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["OperatorConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    releaseWindow: {
        parameters: {
            query?: never;
            header?: {
                /** @description The lease of the console that works the window, from `POST …/windows/{windowId}/claim`. Required when a console holds the window; an action with a lease that expired or was taken over is `409 lease-lost`. */
                "Zw-Window-Lease"?: components["parameters"]["WindowLease"];
            };
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The window after the release. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorWindow"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    performWindowAction: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
                 *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
                 *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
                /** @description The lease of the console that works the window, from `POST …/windows/{windowId}/claim`. Required when a console holds the window; an action with a lease that expired or was taken over is `409 lease-lost`. */
                "Zw-Window-Lease"?: components["parameters"]["WindowLease"];
            };
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
                /** @description The window's id in the hall, as the hall snapshot's `windows` list it. */
                windowId: components["parameters"]["WindowId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorActionInput"];
            };
        };
        responses: {
            /** @description The action was taken (or, with `Idempotent-Replayed`, had been). */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorActionResult"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["OperatorConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueHallTicket: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
                 *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
                 *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorWalkInInput"];
            };
        };
        responses: {
            /** @description A replay of an earlier request with the same `Idempotency-Key` and body; the ticket issued then. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The ticket was issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TicketUnavailable"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getIngestPosition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed's position. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestReceipt"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    ingestHallEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestBatch"];
            };
        };
        responses: {
            /** @description The batch was received; what was applied and what waits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestReceipt"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["OperatorConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRatingCases: {
        parameters: {
            query?: {
                /** @description `open` (default: every case not closed and not annulled), `all`, or one state. */
                state?: "open" | "all" | "accepted" | "verifying" | "rectifying" | "revisiting" | "closed" | "appealed" | "reviewed";
                /** @description How many (default 100). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The hall's id, as listed by `GET /api/v1/halls`. */
                hallId: components["parameters"]["HallId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingCaseList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRatingCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingCase"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    transitionRatingCase: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
                 *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
                 *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingCaseTransitionInput"];
            };
        };
        responses: {
            /** @description The case after the step (or, replayed, as it stands). */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingCase"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    assignRatingCase: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
                 *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
                 *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingCaseAssignmentInput"];
            };
        };
        responses: {
            /** @description The case, assigned. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingCase"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    recordRatingRevisit: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A client-chosen key for this logical action, reused unchanged on every retry of it. Same key and same body
                 *     replays the original result (`200`, `Idempotent-Replayed: true`); same key with another body is
                 *     `422 idempotency-key-reuse`; a missing or malformed key is `400 idempotency-key-missing`.
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The 差评 case's id (`RatingCase.id`; the same as the rating's id, `RatingReceipt.id`). */
                caseId: components["parameters"]["RatingCaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingRevisitInput"];
            };
        };
        responses: {
            /** @description The case with the 回访 recorded. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingCase"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["InvalidBody"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRatingDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The departments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatingDepartmentList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportRatings: {
        parameters: {
            query: {
                /** @description The first local day (inclusive). */
                from: string;
                /** @description The last local day (inclusive). */
                to: string;
                /** @description `json` (default) or `csv`. */
                format?: "json" | "csv";
                /** @description Only ratings given in this hall. */
                hall?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NationalRatingExport"];
                    /** @example recordId,caseId,serviceCode,... */
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProvincialPush: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The state of the push. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvincialPushStatus"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
}

export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = components['schemas']['ProblemFieldError'];
export type HealthStatus = components['schemas']['HealthStatus'];
export type HealthLive = components['schemas']['HealthLive'];
export type HealthReady = components['schemas']['HealthReady'];
export type StaffRole = components['schemas']['StaffRole'];
export type StaffIdentity = components['schemas']['StaffIdentity'];
export type CallNextInput = components['schemas']['CallNextInput'];
export type WindowCall = components['schemas']['WindowCall'];
export type WindowStatusInput = components['schemas']['WindowStatusInput'];
export type SimulatorInput = components['schemas']['SimulatorInput'];
export type SimulatorControl = components['schemas']['SimulatorControl'];
export type OperatorProblem = components['schemas']['OperatorProblem'];
export type PriorityReason = components['schemas']['PriorityReason'];
export type TicketStage = components['schemas']['TicketStage'];
export type OperatorTicket = components['schemas']['OperatorTicket'];
export type WindowClaimHolder = components['schemas']['WindowClaimHolder'];
export type WindowClaimInput = components['schemas']['WindowClaimInput'];
export type WindowClaim = components['schemas']['WindowClaim'];
export type OperatorWaiting = components['schemas']['OperatorWaiting'];
export type OperatorWindow = components['schemas']['OperatorWindow'];
export type OperatorActionInput = components['schemas']['OperatorActionInput'];
export type OperatorActionResult = components['schemas']['OperatorActionResult'];
export type OperatorWalkInInput = components['schemas']['OperatorWalkInInput'];
export type IngestEventType = components['schemas']['IngestEventType'];
export type IngestEvent = components['schemas']['IngestEvent'];
export type IngestBatch = components['schemas']['IngestBatch'];
export type IngestSkip = components['schemas']['IngestSkip'];
export type IngestGap = components['schemas']['IngestGap'];
export type IngestReceipt = components['schemas']['IngestReceipt'];
export type EstimateRange = components['schemas']['EstimateRange'];
export type RatingFollowUpItem = components['schemas']['RatingFollowUpItem'];
export type RatingFollowUpList = components['schemas']['RatingFollowUpList'];
export type RatingContact = components['schemas']['RatingContact'];
export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditLog = components['schemas']['AuditLog'];
export type HallList = components['schemas']['HallList'];
export type HallSummary = components['schemas']['HallSummary'];
export type HallSnapshot = components['schemas']['HallSnapshot'];
export type HallHours = components['schemas']['HallHours'];
export type Window = components['schemas']['Window'];
export type WindowStatus = components['schemas']['WindowStatus'];
export type Category = components['schemas']['Category'];
export type HallPatch = components['schemas']['HallPatch'];
export type HallHeartbeat = components['schemas']['HallHeartbeat'];
export type Call = components['schemas']['Call'];
export type Ticket = components['schemas']['Ticket'];
export type TicketStatus = components['schemas']['TicketStatus'];
export type TicketWindow = components['schemas']['TicketWindow'];
export type TakeTicketInput = components['schemas']['TakeTicketInput'];
export type Forecast = components['schemas']['Forecast'];
export type ForecastHour = components['schemas']['ForecastHour'];
export type Catalogue = components['schemas']['Catalogue'];
export type CatalogueItem = components['schemas']['CatalogueItem'];
export type CrossRegionScope = components['schemas']['CrossRegionScope'];
export type ServiceSearchPage = components['schemas']['ServiceSearchPage'];
export type ServiceSummary = components['schemas']['ServiceSummary'];
export type ServiceDetail = components['schemas']['ServiceDetail'];
export type TimeLimit = components['schemas']['TimeLimit'];
export type Fee = components['schemas']['Fee'];
export type FeeItem = components['schemas']['FeeItem'];
export type Material = components['schemas']['Material'];
export type ServiceLocation = components['schemas']['ServiceLocation'];
export type RatingReasons = components['schemas']['RatingReasons'];
export type RatingLevel = components['schemas']['RatingLevel'];
export type RatingReason = components['schemas']['RatingReason'];
export type RatingInput = components['schemas']['RatingInput'];
export type RatingReceipt = components['schemas']['RatingReceipt'];
export type RatingFollowUpPlan = components['schemas']['RatingFollowUpPlan'];
export type RatingSummary = components['schemas']['RatingSummary'];
export type RatingFollowUpStatus = components['schemas']['RatingFollowUpStatus'];
export type RatingFollowUp = components['schemas']['RatingFollowUp'];
export type RatingFollowUpEvent = components['schemas']['RatingFollowUpEvent'];
export type RatingCaseState = components['schemas']['RatingCaseState'];
export type RatingVerdict = components['schemas']['RatingVerdict'];
export type RatingFollowUpStep = components['schemas']['RatingFollowUpStep'];
export type RatingFollowUpVerdict = components['schemas']['RatingFollowUpVerdict'];
export type RatingFollowUpVerdictInput = components['schemas']['RatingFollowUpVerdictInput'];
export type RatingCaseItem = components['schemas']['RatingCaseItem'];
export type RatingCaseList = components['schemas']['RatingCaseList'];
export type RatingCaseStep = components['schemas']['RatingCaseStep'];
export type RatingRevisit = components['schemas']['RatingRevisit'];
export type RatingCase = components['schemas']['RatingCase'];
export type RatingCaseTransitionInput = components['schemas']['RatingCaseTransitionInput'];
export type RatingCaseAssignmentInput = components['schemas']['RatingCaseAssignmentInput'];
export type RatingRevisitInput = components['schemas']['RatingRevisitInput'];
export type RatingDepartmentList = components['schemas']['RatingDepartmentList'];
export type RatingFiguresRow = components['schemas']['RatingFiguresRow'];
export type RatingFigures = components['schemas']['RatingFigures'];
export type NationalRatingRecord = components['schemas']['NationalRatingRecord'];
export type NationalRatingExport = components['schemas']['NationalRatingExport'];
export type ProvincialPushStatus = components['schemas']['ProvincialPushStatus'];
export type Channel = components['schemas']['Channel'];
