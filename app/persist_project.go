package app

import (
	"encoding/json"

	"stancemark/annotations"
)

// What a research project keeps in localStorage: the annotator's place
// in it and the work on each task (the project file itself is in
// project_store.go).

// loadProjectState reads the annotator's place in a project.
func (s *session) loadProjectState(id string) projectProgress {
	var st projectProgress
	if data, ok, _ := s.store.get(projectStateKey(id)); ok {
		_ = json.Unmarshal([]byte(data), &st) // an unreadable place starts again at the first task; the work is kept apart
	}
	return st
}

// saveProjectState stores the annotator's place in a project.
func (s *session) saveProjectState(id string, st projectProgress) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.store.set(projectStateKey(id), string(data))
}

// taskWork is the saved work on one task of a project, or nil.
func (s *session) taskWork(p *annotations.Project, taskID string) (*annotations.Workspace, error) {
	data, ok, err := s.store.get(projectTaskKey(p.ID, taskID))
	if err != nil || !ok {
		return nil, err
	}
	_, pd, _, err := p.Task(taskID)
	if err != nil {
		return nil, err
	}
	doc, err := pd.Document()
	if err != nil {
		return nil, err
	}
	return annotations.RestoreWorkspace(doc, []byte(data))
}

// hasTaskWork reports whether work on a task of a project is saved here.
func (s *session) hasTaskWork(projectID, taskID string) bool {
	_, ok, _ := s.store.get(projectTaskKey(projectID, taskID))
	return ok
}

// storeTaskWork saves the work on a task of a project that is not on
// screen (a submission opened to go on with it).
func (s *session) storeTaskWork(projectID, taskID string, ws *annotations.Workspace) error {
	data, err := ws.MarshalState()
	if err != nil {
		return err
	}
	return s.store.set(projectTaskKey(projectID, taskID), string(data))
}

// Classroom records (issue 17).
