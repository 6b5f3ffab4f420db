# Generates the classroom schemas of issue 17 from stancemark-v1.schema.json
# (their document, scheme and highlights are the export's):
#   python3 tools/gen_classroom_schemas.py
# DO NOT EDIT the generated stancemark-assignment-v2, stancemark-handin-v1,
# stancemark-feedback-v1 and stancemark-class-v1 schemas by hand; TestClassroomSchemas checks them.
import copy, json, os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "web", "schema")
base = json.load(open(os.path.join(here, "stancemark-v1.schema.json")))
props, defs = base["properties"], copy.deepcopy(base["$defs"])

export = copy.deepcopy(base)
for k in ("$schema", "$id", "$defs", "title"):
    export.pop(k, None)
export["required"] = export["required"] + ["assignment"]
export["properties"]["assignment"] = {"$ref": "#/$defs/nonBlank", "description": "the assignment id"}
defs["export"] = export
defs["document"] = props["document"]
defs["highlights"] = props["annotations"]
defs["assignment"] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["format", "id", "document", "scheme", "options"],
    "properties": {
        "format": {"const": "stancemark-assignment/v2"},
        "id": {"type": "string", "minLength": 1, "maxLength": 128, "pattern": "^\\S+$"},
        "title": {"type": "string"},
        "instructions": {"type": "string"},
        "document": {"$ref": "#/$defs/document"},
        "scheme": {"$ref": "#/$defs/scheme"},
        "key": {"$ref": "#/$defs/highlights", "description": "the answer key; in a graded assignment only the teacher's copy has it"},
        "options": {
            "type": "object",
            "additionalProperties": False,
            "required": ["mode"],
            "properties": {"mode": {"enum": ["practice", "graded"], "description": "practice: the key travels with the assignment, feedback at once; graded: the key stays with the teacher"}},
        },
    },
}
defs["handin"] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["format", "attempt", "feedbackShown", "work"],
    "properties": {
        "format": {"const": "stancemark-handin/v1"},
        "attempt": {"type": "integer", "minimum": 0, "description": "the student's nth submission in that browser, from 1; 0: unknown"},
        "feedbackShown": {"type": "boolean", "description": "feedback against the key had been shown before this submission"},
        "work": {"$ref": "#/$defs/export"},
    },
}

def schema(name, title, description, ref):
    s = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:stancemark:schema:" + name,
        "title": title,
        "description": description,
        "$ref": ref,
        "$defs": defs,
    }
    with open(os.path.join(here, name + ".schema.json"), "w") as f:
        json.dump(s, f, indent=2, ensure_ascii=False)
        f.write("\n")

schema("stancemark-assignment-v2", "Stancemark assignment (stancemark-assignment/v2)",
       "A teacher's assignment: an article, the label set and claim, instructions, the mode, and (practice, or the teacher's copy of a graded one) the answer key. Beyond this schema the rules of stancemark/v1 hold for the document, scheme and key (see annotations.Assignment.Validate).",
       "#/$defs/assignment")
schema("stancemark-handin-v1", "Stancemark handin (stancemark-handin/v1)",
       "A student's submission as the app's Submit writes it: a stancemark/v1 export with the assignment id, the attempt, and whether feedback had been shown before it.",
       "#/$defs/handin")

defs["feedback"] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["format", "assignment", "work"],
    "properties": {
        "format": {"const": "stancemark-feedback/v1"},
        "assignment": {"$ref": "#/$defs/assignment"},
        "work": {"$ref": "#/$defs/export"},
    },
}
schema("stancemark-feedback-v1", "Stancemark feedback (stancemark-feedback/v1)",
       "A graded assignment's feedback for one student: the assignment with its key and the student's scored work (a stancemark/v1 export for it).",
       "#/$defs/feedback")

# the class file: a handin's work.document may be just {"id": ...}
short = copy.deepcopy(defs["handin"])
short["properties"]["work"] = {"allOf": [{"$ref": "#/$defs/exportShort"}]}
es = copy.deepcopy(export)
es["properties"]["document"] = {"oneOf": [
    {"$ref": "#/$defs/document"},
    {"type": "object", "additionalProperties": False, "required": ["id"], "properties": {"id": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"}}},
]}
defs["exportShort"] = es
defs["handinShort"] = short
defs["class"] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["format", "assignment", "files"],
    "properties": {
        "format": {"const": "stancemark-class/v1"},
        "assignment": {"$ref": "#/$defs/assignment"},
        "files": {"type": "array", "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "handin": {"$ref": "#/$defs/handinShort"},
                "problem": {"type": "string", "minLength": 1},
            },
            "oneOf": [{"required": ["handin"]}, {"required": ["problem"]}],
        }},
    },
}
schema("stancemark-class-v1", "Stancemark class file (stancemark-class/v1)",
       "The teacher's copy of a class: the assignment with its key, and every file loaded (a handin whose work.document may be just the id of the assignment's document, or why the file was refused).",
       "#/$defs/class")
