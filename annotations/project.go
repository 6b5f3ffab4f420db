package annotations

// A research project ("stancemark-project/v1"): a corpus of documents,
// several claims, the tasks (document × claim) that annotators work
// through, one label scheme and a codebook. This file is the data
// contract; reading, writing, validation, construction and the
// submission format live in the other project_ files.

// ProjectFormat is the format name of a project file.
const ProjectFormat = "stancemark-project/v1"

// Project is a research project. Every id in it is derived from content
// (see NewProject), so the same input always gives the same bytes.
type Project struct {
	ID    string // "p" + 16 hex digits of Hash
	Title string
	// Hash is "sha256:" + hex of what voids a submission when it changes:
	// the documents' texts and sentence boundaries, the claims' texts, the
	// label ids and the task list (see ProjectHash). Titles, the codebook's
	// wording, label names, colours and descriptions may change freely.
	Hash       string
	Scheme     Scheme // the labels; its Target is unused (each task has its claim)
	Codebook   Codebook
	Documents  []ProjectDocument
	Claims     []Claim
	Tasks      []Task
	Annotators []string // optional: who takes part (ids as typed, e.g. "ana")
	Overlap    int      // with Annotators: how many annotators get each task (1 ≤ Overlap ≤ len(Annotators))
	Options    ProjectOptions
}

// ProjectDocument is one article of a project, with the sentence
// boundaries every annotator gets (the same as in ExportDocument).
type ProjectDocument struct {
	ID        string            // DocumentID of Text
	Title     string            //
	Text      string            // canonical text (CanonicalText)
	Sentences []ExportSentence  // boundaries, in code points of Text
	Source    string            // optional: the file name or URL it came from
	Meta      map[string]string // optional: other columns of the input (e.g. "body_id")
}

// Claim is a target claim the stance is toward.
type Claim struct {
	ID   string // "c" + 12 hex digits of sha256 of Text
	Text string
}

// Task is one document judged against one claim.
type Task struct {
	ID        string // "t" + 12 hex digits of sha256 of Document + "\n" + Claim
	Document  string // a ProjectDocument.ID
	Claim     string // a Claim.ID
	Reference string // optional: a reference stance label id (e.g. FNC-1's Stance column), hidden unless Options.ShowReference
}

// Codebook is the written guidelines: plain text, paragraphs separated by
// blank lines, never HTML.
type Codebook struct {
	Guidelines string
	Labels     []LabelGuide // in the scheme's label order; labels without guidance may be missing
}

// LabelGuide is the codebook's entry for one label.
type LabelGuide struct {
	Label      string // a label id of the scheme
	Definition string
	Examples   []string
}

// ProjectOptions are the project's settings.
type ProjectOptions struct {
	OverallStance bool // ask for one overall stance per task besides the sentence highlights
	ShowReference bool // show each task's reference stance to annotators
	IdleSeconds   int  // active time stops this long after the last input; 0 means DefaultIdleSeconds
}

// DefaultIdleSeconds is the idle threshold of active time when a project
// does not set one.
const DefaultIdleSeconds = 60

// ProjectInput is what NewProject builds a project from: the articles as
// read by `stancemark project new` (or the app's "New project"), the claims
// and, for inputs that pair them (FNC-1's stances.csv), the pairs.
type ProjectInput struct {
	Title      string // "" → derived from the first article's title
	Scheme     Scheme
	Codebook   Codebook
	Articles   []ArticleInput
	Claims     []string    // claim texts; when Pairs is empty every article × every claim is a task
	Pairs      []PairInput // the tasks, when the input lists them
	Annotators []string
	Overlap    int
	Options    ProjectOptions
}

// ArticleInput is one article of a ProjectInput: a Document already read
// (by ParseFile, ParsePlainText or NewDocument) and where it came from.
type ArticleInput struct {
	Key      string            // how Pairs name it (FNC-1's "Body ID"); unique when set
	Document *Document         // the article, with its sentences
	Source   string            // optional: file name, URL, or "bodies.csv:12" (file and line)
	Meta     map[string]string // optional: other columns of the input
}

// PairInput is one task of a ProjectInput that lists its tasks.
type PairInput struct {
	Article   string // an ArticleInput.Key
	Claim     string // the claim's text (FNC-1's Headline)
	Reference string // optional: the reference stance label id
	Source    string // optional: "stances.csv:7", for error messages
}

// SubmissionFormat is the format name of an annotator's work on a project.
const SubmissionFormat = "stancemark-submission/v1"

// ProjectSubmission is one annotator's work on a project: every task they
// touched. It is what leaves the app (and what every CLI command reads).
type ProjectSubmission struct {
	Project     string // Project.ID
	ProjectHash string // Project.Hash of the revision the work was made on
	Annotator   string
	Submitted   string // RFC 3339 time
	Tasks       []TaskWork
}

// TaskWork is the work on one task.
type TaskWork struct {
	Task         string       // a Task.ID
	Annotations  []Annotation // the sentence highlights, as in stancemark/v1 (labels of Project.Scheme)
	Overall      string       // the overall stance label id; "" when not given
	Done         bool         // the annotator marked the task done
	ActiveMillis int64        // active time on the task (see ProjectOptions.IdleSeconds)
}
