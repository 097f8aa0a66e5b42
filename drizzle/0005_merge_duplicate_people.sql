-- Duplicates made before a new name was checked against the member's people (issue 8): a member
-- whose delegation was saved several times could have "Jane Example" two or three times. Each
-- person whose folded name equals an older person's of the same member is merged into the oldest:
-- their seats, remarks and chairs move to it, and they are deleted, each with an audit event.
-- The fold is the one of src/shared/text.ts (foldName): NFD, combining marks stripped, lower case,
-- spaces collapsed. (PostgreSQL's lower() under the C locale folds ASCII only; marks stripped first,
-- that covers Latin names. Other scripts' capitals are compared as typed.)
-- A duplicate sitting at a meeting with the person kept (or with another duplicate of it) is left
-- as it is: one person cannot sit twice on a delegation, and a person must choose which seat stays.
CREATE TEMPORARY TABLE "person_merges" AS
WITH "folded" AS (
	SELECT "id", "member_id", "created_at",
		btrim(regexp_replace(lower(regexp_replace(normalize("name", NFD),
			'[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g')), '\s+', ' ', 'g')) AS "folded"
	FROM "people"
	WHERE "member_id" IS NOT NULL
), "ranked" AS (
	SELECT "id", first_value("id") OVER (PARTITION BY "member_id", "folded" ORDER BY "created_at", "id") AS "into_id"
	FROM "folded"
)
SELECT "id" AS "from_id", "into_id" FROM "ranked" WHERE "id" <> "into_id";
--> statement-breakpoint
DELETE FROM "person_merges" "m"
WHERE EXISTS (
	SELECT 1 FROM "delegates" "own"
	JOIN "delegates" "other" ON "other"."meeting_id" = "own"."meeting_id" AND "other"."person_id" <> "own"."person_id"
	WHERE "own"."person_id" = "m"."from_id"
		AND ("other"."person_id" = "m"."into_id"
			OR "other"."person_id" IN (SELECT "from_id" FROM "person_merges" "m2" WHERE "m2"."into_id" = "m"."into_id"))
);
--> statement-breakpoint
INSERT INTO "audit_events" ("action", "entity_type", "entity_id", "before", "after", "request_id")
SELECT 'person.merged', 'person', "m"."from_id"::text,
	jsonb_build_object(
		'merged', jsonb_build_object('id', "f"."id", 'name', "f"."name", 'title', "f"."title"),
		'into', jsonb_build_object('id', "i"."id", 'name', "i"."name", 'title', "i"."title")),
	jsonb_build_object(
		'into', jsonb_build_object('id', "i"."id", 'name', "i"."name", 'title', "i"."title"),
		'moved', jsonb_build_object(
			'seats', (SELECT count(*) FROM "delegates" WHERE "person_id" = "m"."from_id"),
			'remarks', (SELECT count(*) FROM "remarks" WHERE "person_id" = "m"."from_id"),
			'chairs', (SELECT count(*) FROM "meeting_chairs" WHERE "person_id" = "m"."from_id"))),
	'migration 0005_merge_duplicate_people'
FROM "person_merges" "m"
JOIN "people" "f" ON "f"."id" = "m"."from_id"
JOIN "people" "i" ON "i"."id" = "m"."into_id";
--> statement-breakpoint
UPDATE "delegates" SET "person_id" = "m"."into_id" FROM "person_merges" "m" WHERE "delegates"."person_id" = "m"."from_id";
--> statement-breakpoint
UPDATE "remarks" SET "person_id" = "m"."into_id" FROM "person_merges" "m" WHERE "remarks"."person_id" = "m"."from_id";
--> statement-breakpoint
-- A meeting chaired by the person kept, or by two of its duplicates, keeps one chair of them.
DELETE FROM "meeting_chairs" "c" USING "person_merges" "m"
WHERE "c"."person_id" = "m"."from_id"
	AND EXISTS (
		SELECT 1 FROM "meeting_chairs" "k"
		WHERE "k"."meeting_id" = "c"."meeting_id"
			AND ("k"."person_id" = "m"."into_id"
				OR ("k"."person_id" < "c"."person_id"
					AND "k"."person_id" IN (SELECT "from_id" FROM "person_merges" "m2" WHERE "m2"."into_id" = "m"."into_id")))
	);
--> statement-breakpoint
UPDATE "meeting_chairs" SET "person_id" = "m"."into_id" FROM "person_merges" "m" WHERE "meeting_chairs"."person_id" = "m"."from_id";
--> statement-breakpoint
DELETE FROM "people" USING "person_merges" "m" WHERE "people"."id" = "m"."from_id";
--> statement-breakpoint
DROP TABLE "person_merges";
