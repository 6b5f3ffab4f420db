// Package annotations is the domain of Stancemark: documents split into
// sentences, label schemes, highlights with undo, and the files they are
// saved in. It is pure Go (no syscall/js, no UI) and builds for wasm and
// native.
//
// # Files
//
// Each file name starts with the concept it belongs to, and a test sits
// beside its file with the same prefix:
//
//   - open.go: Open, the one entry verb that turns a name and bytes into
//     what they are (a document, a stancemark/v1 export, an assignment, a
//     project, a submission or a gold file),
//     with every refusal an *OpenError.
//   - text_: text in. Plain text, Markdown and HTML become a Document split
//     into sentences (ParsePlainText, ParseMarkdown, ParseHTML, NewDocument,
//     CanonicalText, DocumentID; the segmenter in text_segment.go, its rules
//     in text_segment_rules.go and text_segment_lists.go, its versions,
//     BoundariesID and DocumentFromSentences in text_boundaries.go,
//     JoinSentences, SplitSentence, Resegment and MoveWork in
//     text_boundaries_edit.go, the
//     lede rule IsTitleLine and DeriveTitle in text_title.go), a file of any of these read by its name or content
//     (ParseFile, SniffFileKind; text_file.go, text_sniff.go), and the
//     limits on text (MaxNoteRunes, MaxSentences, ...).
//   - work_: the Workspace. Highlights (Annotation) under label schemes
//     (Scheme, Presets; the colour check every label set passes,
//     CheckLabelColour and Scheme.CheckColours, in work_scheme_colours.go), the edits (Tag, Clear, SetNote, SetTarget,
//     SetScheme, Import), the undo history (Undo, Redo), the saved state
//     (MarshalState, RestoreWorkspace) and the merge of two tabs
//     (MergeState, MatchesState) with its stamps.
//   - format_: files. The "stancemark/v1" export (WriteExport, ReadExport,
//     Export.Validate, and the strict JSON decoder behind every reader), W3C
//     Web Annotation (W3C, WriteW3C), CSV (WriteCSV), JSONL (WriteJSONL),
//     scheme JSON, the research datasets (WriteSemEval, Pairs, WritePairs),
//     WriteFormat over all of them, ExportFile (an export with its file
//     name and media type), and Slug and TitleSlug for file names.
//   - class_: the classroom. An Assignment (NewAssignment, ReadAssignment,
//     WriteAssignment) and its link (AssignmentLink, DecodeAssignmentLink),
//     the student's side (Assignment.NewWorkspace, Assignment.Submission,
//     SubmissionFileName), feedback (Assignment.Compare), the class
//     (NewClass, Class.Add, LoadSubmissions), its report (Class.Report,
//     WriteClassCSV, ClassReport.Summary) and GenerateSubmissions. Issue
//     17: assignments are practice or graded ("stancemark-assignment/v2",
//     v1 still read; Assignment.StudentCopy has no key when graded); what
//     Submit writes is a Handin ("stancemark-handin/v1": the attempt and
//     whether feedback had been shown; class_handin.go), and the class
//     scores work from before feedback (Class.Add) and flags a different
//     claim or labels (Assignment.Differences); the teacher's class file
//     ("stancemark-class/v1": WriteClass, ReadClass, Class.Remove;
//     class_record.go); the feedback sent back per student
//     ("stancemark-feedback/v1": ClassReport.FeedbackFor, FeedbackLink;
//     class_feedback_file.go); the grades CSV (WriteGradesCSV;
//     class_grades.go).
//   - project_: research projects ("stancemark-project/v1"). The data
//     contract (project.go: Project, ProjectDocument, Claim, Task, Codebook,
//     ProjectInput), the file (WriteProject, ReadProject, Project.Validate;
//     project_file.go, project_decode.go, project_validate.go; the
//     one-pass reader of what Stancemark writes, project_fastdecode.go), the hash
//     and the content ids (ProjectHash, ProjectID, ClaimID, TaskID;
//     project_hash.go), NewProject (project_new.go), the inputs of `project new` and of the
//     app's New project read from names and bytes (ReadProjectSources,
//     SniffProjectFile, ProjectSources.Project, ClaimLines; project_sources*.go;
//     ProjectSources.Documents and ProjectSettings.Boundaries for the
//     sentences an author fixed in the dialog)
//     and the overlap rule
//     (Project.AnnotatorsOf, Project.TasksOf; project_assign.go). An
//     annotator's work comes back as a "stancemark-submission/v1"
//     (WriteSubmission, ReadSubmission, Project.CheckSubmission,
//     ProjectSubmission.Exports; project_submission.go), counted by
//     Project.Stats (project_stats.go) and compared by
//     ReliabilityFromSubmissions (project_agree.go).
//   - gold_: gold labels ("stancemark-gold/v1"). The votes, the policies
//     and each label's provenance (GoldVotes.Decide, GoldSource; gold.go),
//     NewGold from a project's submissions or one document's exports with
//     adjudications that override the policy and go stale when the votes
//     change (gold_build.go), WriteGold, ReadGold and Gold.Validate
//     (gold_file.go), and each annotator's note per unit for the
//     Adjudicate view (GoldInput.Notes, GoldEntry.UnitKey; gold_notes.go).
//   - dataset_: the dataset folder ("stancemark-dataset/v1"). NewDataset
//     builds its tables (AnnotationRow, GoldRow, DocumentRow, ClaimRow;
//     dataset_tables.go) from what NewGold takes, with the card's agreement
//     (DatasetReport; dataset_agreement.go); WriteDatasetRows and
//     ReadDatasetRows write and read them as JSON Lines (dataset_jsonl.go);
//     the FNC-1 and SemEval-2016 files (dataset_corpus.go); the Hugging Face
//     card (Dataset.WriteCard; dataset_card.go); Dataset.Files, the manifest
//     (WriteManifest, ReadManifest) and the browser's zip (WriteDatasetZip;
//     dataset_files.go). Parquet is the CLI's (cmd/stancemark).
//   - agree_: agreement. Reliability data (ReadReliabilityCSV,
//     ReliabilityFromExports, with the one rule for sentences nobody
//     tagged), the coefficients (KrippendorffAlpha, FleissKappa,
//     CohenKappa, PercentAgreement; GwetAC1 and SkewReading in
//     agree_ac1.go), the tables that explain them (PerLabel and Confusion
//     in agree_confusion.go, PairwiseCohen in agree_pairwise.go),
//     agreement per unit (UnitAgreement) and Report.
//   - anchor_: re-anchoring. Reanchor moves an export onto another version
//     of its document and returns the highlights it could not place
//     (Orphan).
//   - errors.go: ImportError and every sentinel error, grouped by concept.
//   - doc.go is this documentation; helpers_test.go and
//     format_helpers_test.go hold shared test helpers, and
//     throughput_bench_test.go the benchmarks of "make bench" across the
//     concepts.
//
// # Documents
//
// A plain-text file becomes a Document with ParsePlainText: the first
// non-blank line is the title when it looks like one (IsTitleLine: short,
// without sentence-ending punctuation, or followed by a blank line and a
// heading in title case), the rest is the body; otherwise the whole text is
// the body and the title is its first sentence, cut to 80 characters
// (DeriveTitle). The body is made
// canonical (CanonicalText): line endings become \n; a line that is empty
// or only whitespace (non-breaking spaces U+00A0, U+2007, U+202F and the
// BOM U+FEFF count as whitespace) is blank; blank lines separate paragraphs,
// and a body with no blank line has one paragraph per line; the lines of a
// paragraph are trimmed and joined by one space; paragraphs are joined by
// "\n\n". For example
//
//	Title\r\n\r\nOne line.\r\nSame paragraph.\r\n \r\nNext.
//
// has the title "Title" and the text "One line. Same paragraph.\n\nNext.".
// The Document ID is "sha256:" and the hex SHA-256 of the text.
//
// Every offset (Paragraph, Sentence, ExportSentence) counts Unicode code
// points into the text, as the W3C TextPositionSelector does, never bytes
// or UTF-16 units.
//
// # Sentences
//
// Each paragraph is split by the Punkt tokenizer of
// github.com/neurosnap/sentences (English); sentences never cross a
// paragraph, are numbered s1, s2, ... in document order, and exclude the
// whitespace around them. Small named rules (segmenter version 2,
// text_segment_rules.go and text_segment_lists.go, each tested in
// text_segment_rules_test.go) fix where the tokenizer is wrong on news
// text. Joins (a boundary Punkt made is removed):
//
//   - title-abbreviation: after an abbreviation that stands before a name or
//     a number ("Mt. Everest", "Rev. King", "Capt. Hook", "Fig. 3");
//   - bang-name: after "Yahoo!" ("Yahoo! News");
//   - quote-attribution: between a quotation ending in ? or ! and a
//     lowercase attribution (`"Why?" he asked.`);
//   - possessive-abbreviation: after an abbreviation with 's ("King Jr.'s
//     speech");
//   - ellipsis-inside: after a spaced three-dot ellipsis (". . .", words
//     left out) whatever follows, and after "..." or "…" before a
//     lowercase word;
//   - list-marker: between an inline list's marker and its item ("• 9. |
//     first").
//
// Splits (a sentence starts where Punkt saw none):
//
//   - number-end: after a number ending a sentence ("It began on June 3. |
//     Talks followed."), unless it starts the sentence or follows a colon;
//   - two-quotations: between two quotations (`"Are you sure?" | "Yes."`);
//   - list-item: before each later item of an inline list ("1.) first |
//     2.) second", "a. one | b. two", "• one | • two"): a list opens with 1
//     (or a) at the start of the paragraph, after a colon or a sentence
//     end, and goes on 2, 3, ... in the same style; bullets when there are
//     two or more;
//   - initialism-end: after an initialism ("U.S.", "E.U.") before a word
//     that starts sentences (pronouns, determiners, conjunctions, question
//     words and nouns news sentences open with, such as "Officials"), not
//     before a name or an institution ("U.S. Senate");
//   - time-end: after "a.m." or "p.m." before a capitalised word that is
//     not a day, month or time zone, unless the sentence opens with its
//     time ("At 9 a.m. Mr. Obama spoke.");
//   - address-end: after a web or e-mail address ending in a period;
//   - ellipsis-end: after a four-dot ellipsis (". . . .") before a capital;
//   - missing-space: at a period with no space after it before a
//     capitalised word ("It rained.Then"), not in numbers ("3.5"),
//     initialisms ("U.S.-led"), abbreviations ("Mr.Smith"), addresses,
//     paths or file names.
//
// # Languages
//
// NewDocumentLang and ParsePlainTextLang split a text for a language, a
// BCP 47 tag (NormalizeLanguage; DetectLanguage guesses one from the
// text's script and, for the Latin script, its commonest words). English,
// "und" and the Latin-script languages with no model are split as above,
// exactly. The others:
//
//   - the languages of PunktLanguages (cs da de el es et fi fr it nl no pl
//     pt sl sv tr): Punkt with the language's model, read from the
//     ModelSource a program registers (SetModelSource) on the first use of
//     the language, then the joins ellipsis-inside, quote-attribution and
//     one-letter-abbreviation ("z. B.", "ο κ. Παπαδόπουλος"); Greek also
//     splits after ";", its question mark (generic-terminal);
//   - cjk-terminal (Chinese, Japanese): after 。！？, no space needed, with
//     the closing brackets and quotes after them;
//   - arabic-terminal (Arabic, Persian, Urdu, ...): after ؟ ۔ . ! ? and
//     whitespace; "،" never splits;
//   - generic-terminal (Russian, Ukrainian, Hebrew, Korean, Hindi, Thai and
//     any other script): after . ! ? … । ॥ and whitespace before a letter,
//     digit or opening quote that is not lowercase; not after a one-letter
//     abbreviation or initial.
//
// Such a Document has its Language set and no segmenter version
// (Segmenter 0), so that wherever it is kept its sentences are recorded.
//
// Document.Explain lists the boundaries with the rule that made or removed
// each. Version 1 (SegmenterV1: Punkt and the first four rules, as
// before) is kept unchanged to rebuild documents stored without their
// sentences. Boundaries are data: a document read from an export, an
// assignment or a project keeps the sentences recorded in it
// (DocumentFromSentences) and is never split again; BoundariesID names a
// list of boundaries, and agreement and gold refuse to compare work made on
// different ones.
//
// # Highlights and the tagging rule
//
// A Workspace holds, for each Scheme, highlights (Annotation): one
// contiguous run of sentences with a label and a note. A sentence is in at
// most one highlight per scheme. Tagging the run S with label L:
//
//  1. if S is exactly an existing highlight, that highlight is relabelled in
//     place: same ID, note and Created, new Modified; relabelling with the
//     same label changes nothing and is no undo step;
//  2. otherwise every highlight overlapping S loses the sentences in S. What
//     remains of it on each side stays a highlight with its label and note:
//     the first remaining part keeps its ID and Created; when S splits it in
//     two, the right part gets a new ID. Highlights entirely inside S
//     disappear and their non-empty notes are carried into the new
//     highlight, joined by "\n\n" in document order. Then S becomes one new
//     highlight with label L.
//
// For example, with s1..s5 tagged A (note "n") and s7 tagged B (note "m"):
//
//	Tag(s3..s3, C)  ->  A s1..s2 (same id), C s3, A s4..s5 (new id), B s7
//	Tag(s5..s7, C)  ->  A s1..s4, C s5..s7 with note "m"
//	Tag(s1..s5, C)  ->  the highlight s1..s5 relabelled C, same id
//
// Clear(first, last) removes sentences the same way without adding a
// highlight. Adjacent highlights are never merged. Every change (tag, clear,
// note, target, scheme edit, import) is one undo step; a new change clears
// redo; Undo and Redo make the scheme they touch active; the history keeps
// MaxHistory steps.
//
// # Limits
//
// A note has at most MaxNoteRunes characters; a label or scheme id or name
// at most MaxLabelRunes; a target claim or a label description at most
// MaxTargetRunes; a document at most MaxSentences sentences; a file at most
// MaxImportBytes. SetNote, SetTarget, SetScheme, imports and saved states
// refuse longer ones with an error wrapping ErrTooLong (ErrTooManySentences,
// ErrTooLarge) that names the field, such as
//
//	annotations[0].note: too long: 12,000 characters; a note can have at most 10,000
//
// # Export format "stancemark/v1"
//
// WriteExport writes, and ReadExport reads, JSON indented by two spaces:
//
//	{
//	  "format": "stancemark/v1",
//	  "exported": "2024-05-01T10:00:00.000Z",
//	  "annotator": {"name": "Ada"},
//	  "document": {
//	    "id": "sha256:…", "title": "…", "text": "One. Two.",
//	    "sentences": [{"id": "s1", "paragraph": 0, "start": 0, "end": 4},
//	                  {"id": "s2", "paragraph": 0, "start": 5, "end": 9}]
//	  },
//	  "scheme": {"id": "default", "name": "Default", "target": "…",
//	             "labels": [{"id": "supports", "name": "Supports", "key": "1", "color": "#009e73"}]},
//	  "annotations": [{"id": "a0123456789ab", "sentences": ["s1", "s2"], "label": "supports",
//	                   "note": "", "created": "…", "modified": "…"}]
//	}
//
// "assignment" (a string) may follow "exported"; a label may have a
// "description"; "target", "note" and "annotator" may be left out. Times are
// written in UTC with exactly millisecond precision and read in any RFC 3339
// form. Reading is strict: an unknown field, a missing field, a wrong type or
// anything Export.Validate rejects is an *ImportError naming the field by
// its JSON path, such as
//
//	annotations[2].label: unknown label "agree" (the scheme has supports, opposes, neutral, unrelated)
//	line 3, column 7: invalid JSON: invalid character '}' looking for beginning of object key string
//
// Writing what was read gives the same bytes.
//
// # Saved state "stancemark-state/v1"
//
// MarshalState saves a whole workspace (no undo history) as compact JSON,
// the form kept in the browser's localStorage:
//
//	{"format":"stancemark-state/v1","document":"sha256:…","active":"default","annotator":"Ada",
//	 "schemes":[{"scheme":{"id":"default",…},"annotations":[…]}, …]}
//
// RestoreWorkspace reads it back with the same checks as an import. For
// MergeState a scheme may also carry "changed" (when the scheme last
// changed), "touched" (highlight id -> when it last changed, only where
// that differs from its "modified") and "removed" (tombstones, newest
// first: [{"id":"a1","at":"…"}], at most MaxTombstones), and the state may
// carry "removedSchemes" in the same form. These fields are optional: a
// state saved before they existed loads, with each highlight stamped by its
// "modified". Fixtures of every stored version are in testdata/state.
//
// # Two tabs
//
// Two tabs on one document save to the same key, and each merges the
// other's saves (Workspace.MergeState) so that the edits made in both
// survive. Every change (tag, relabel, note, split, clear, undo, redo)
// stamps each highlight it touches with the time it was made (undo and
// redo too: they are new changes), and every removed highlight keeps its
// stamp as a tombstone. A stamp is the clock's time but always later than
// every stamp the tab has made or merged, so a change made after a merge
// wins over what was merged even when the clocks of two tabs disagree.
//
// The conflict rule: for every highlight id, the version with the later
// stamp wins, whether it is a highlight or a tombstone; then a sentence
// left in two highlights stays with the later-stamped one, and the other
// is split around it as a Clear would split it (its first remaining run
// keeps its id, the next ones get the ids id-2, id-3, ...; one left with no
// sentence becomes a tombstone). Schemes follow the same rule with their
// own stamp (target, labels, added schemes); a scheme removed in one tab
// stays when the other tab changed it or its highlights after that, and a
// label that the winning version of a scheme lacks but a surviving
// highlight uses is brought back. Ties (equal stamps) go to the present
// version, then to the larger JSON, so both tabs decide the same way
// whichever merges first. The active scheme and the annotator stay each
// tab's own. For example, with s1..s3 "supports" a1 in both tabs:
//
//	tab A at 10:00 relabels a1 "neutral", tab B at 10:01 "opposes"  ->  a1 "opposes"
//	tab A at 10:00 clears s1..s3, tab B at 10:01 notes a1           ->  a1 with the note
//	tab A at 10:00 tags s5..s8 (A1), tab B at 10:01 tags s6..s7 (B1) ->  A1 s5, B1 s6..s7, A1-2 s8
//
// A merge that changed the workspace clears its undo history, since an undo
// step would bring back or overwrite what the other tab did. After merging
// a save, a tab saves its own state unless MatchesState says the save
// already holds it; two tabs that do this end with the same state.
package annotations
