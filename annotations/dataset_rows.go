package annotations

// The rows of the dataset's tables (the data contract of
// "stancemark-dataset/v1"): one struct per table row; the JSON and Parquet
// column names are the struct tags, the JSON Schemas are in
// web/schema/stancemark-dataset-v1/. dataset_tables.go builds them.

// AnnotationRow is one row of annotations.jsonl: one label given, that is
// one annotator's highlight covering one sentence judged against one
// claim. Untagged sentences are no rows. Offsets count Unicode code points
// into the document's text; times are RFC 3339 in UTC with milliseconds.
type AnnotationRow struct {
	Project       *string `json:"project" parquet:"project,optional"` // Project.ID; null without a project
	Scheme        string  `json:"scheme" parquet:"scheme"`            // the label scheme's id
	Task          *string `json:"task" parquet:"task,optional"`       // Task.ID; null without a project
	Document      string  `json:"document" parquet:"document"`        // the document id (sha256:…)
	SentenceID    string  `json:"sentence_id" parquet:"sentence_id"`
	SentenceIndex int     `json:"sentence_index" parquet:"sentence_index"` // 0-based
	Start         int     `json:"start" parquet:"start"`                   // code points, inclusive
	End           int     `json:"end" parquet:"end"`                       // code points, exclusive
	Text          string  `json:"text" parquet:"text"`                     // the sentence, exactly
	ClaimID       string  `json:"claim_id" parquet:"claim_id"`             // Claim.ID ("" for an export without a target)
	Claim         string  `json:"claim" parquet:"claim"`
	Label         string  `json:"label" parquet:"label"` // the label id
	LabelName     string  `json:"label_name" parquet:"label_name"`
	Annotator     string  `json:"annotator" parquet:"annotator"` // AnnotatorName for exports
	Highlight     string  `json:"highlight" parquet:"highlight"` // the highlight's id (one highlight may cover several sentences)
	Note          string  `json:"note" parquet:"note"`
	Overall       *string `json:"overall" parquet:"overall,optional"`     // the annotator's overall stance on the task; null when not given
	ActiveMillis  *int64  `json:"active_ms" parquet:"active_ms,optional"` // active time on the task; null without a project
	Created       string  `json:"created" parquet:"created"`
	Modified      string  `json:"modified" parquet:"modified"`
}

// GoldRow is one row of gold.jsonl: the gold label of one sentence × claim
// anyone tagged, or of one task's overall stance (Unit "overall").
type GoldRow struct {
	Project       *string       `json:"project" parquet:"project,optional"`
	Task          *string       `json:"task" parquet:"task,optional"` // null without a project
	Document      string        `json:"document" parquet:"document"`
	Unit          string        `json:"unit" parquet:"unit"`                              // "sentence" or "overall"
	SentenceID    *string       `json:"sentence_id" parquet:"sentence_id,optional"`       // null for an overall stance
	SentenceIndex *int          `json:"sentence_index" parquet:"sentence_index,optional"` // 0-based
	Start         *int          `json:"start" parquet:"start,optional"`                   // code points, inclusive
	End           *int          `json:"end" parquet:"end,optional"`                       // code points, exclusive
	Text          *string       `json:"text" parquet:"text,optional"`                     // the sentence
	ClaimID       string        `json:"claim_id" parquet:"claim_id"`                      //
	Claim         string        `json:"claim" parquet:"claim"`                            //
	Label         *string       `json:"label" parquet:"label,optional"`                   // null while unresolved
	LabelName     *string       `json:"label_name" parquet:"label_name,optional"`         //
	Source        string        `json:"source" parquet:"source"`                          // a GoldSource
	Votes         []DatasetVote `json:"votes" parquet:"votes,list"`                       // most votes first
	VoteCount     int           `json:"vote_count" parquet:"vote_count"`                  // votes given
	Annotators    int           `json:"annotators" parquet:"annotators"`                  // annotators who worked on the task (or the document)
	Reference     *string       `json:"reference" parquet:"reference,optional"`           // the task's reference stance (FNC-1's Stance)
	Adjudicator   *string       `json:"adjudicator" parquet:"adjudicator,optional"`       // adjudicated only
	Reason        *string       `json:"reason" parquet:"reason,optional"`                 // adjudicated only
	Stale         bool          `json:"stale" parquet:"stale"`                            // the votes changed since the decision
}

// DatasetVote is the annotators who gave one label.
type DatasetVote struct {
	Label      string   `json:"label" parquet:"label"`
	Annotators []string `json:"annotators" parquet:"annotators,list"`
}

// DocumentRow is one row of documents.jsonl.
type DocumentRow struct {
	Project   *string           `json:"project" parquet:"project,optional"`
	Document  string            `json:"document" parquet:"document"`
	Title     string            `json:"title" parquet:"title"`
	Text      string            `json:"text" parquet:"text"` // canonical text: what every offset counts into
	Source    *string           `json:"source" parquet:"source,optional"`
	Sentences []DatasetSentence `json:"sentences" parquet:"sentences,list"`
	Meta      []DatasetMeta     `json:"meta" parquet:"meta,list"` // by key
	Tasks     int               `json:"tasks" parquet:"tasks"`    // tasks on the document (claims judged)
}

// DatasetSentence is one sentence boundary of a DocumentRow.
type DatasetSentence struct {
	ID        string `json:"id" parquet:"id"`
	Paragraph int    `json:"paragraph" parquet:"paragraph"` // 0-based
	Start     int    `json:"start" parquet:"start"`         // code points, inclusive
	End       int    `json:"end" parquet:"end"`             // code points, exclusive
}

// DatasetMeta is one metadata field of a document (another column of the
// input, such as FNC-1's "Body ID").
type DatasetMeta struct {
	Key   string `json:"key" parquet:"key"`
	Value string `json:"value" parquet:"value"`
}

// ClaimRow is one row of claims.jsonl.
type ClaimRow struct {
	Project *string `json:"project" parquet:"project,optional"`
	ClaimID string  `json:"claim_id" parquet:"claim_id"`
	Claim   string  `json:"claim" parquet:"claim"`
	Tasks   int     `json:"tasks" parquet:"tasks"` // documents judged against it
}
