package admin

import (
	"slices"
	"strconv"
)

// decodeWatchSummary decodes watch_summary.
func decodeWatchSummary(body []byte) (*WatchSummary, error) {
	var j struct {
		Connections jsonInt `json:"num_connections"`
		Paths       jsonInt `json:"num_paths"`
		Total       jsonInt `json:"num_total_watches"`
	}
	if err := decodeJSON("watch_summary", body, &j); err != nil {
		return nil, err
	}
	return &WatchSummary{Connections: int64(j.Connections), Paths: int64(j.Paths), Total: int64(j.Total)}, nil
}

// decodeWatches decodes watches: session ids are decimal object keys.
func decodeWatches(body []byte) (SessionWatches, error) {
	var j struct {
		M map[string][]string `json:"session_id_to_watched_paths"`
	}
	if err := decodeJSON("watches", body, &j); err != nil {
		return nil, err
	}
	out := SessionWatches{}
	for k, paths := range j.M {
		id, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			return nil, parseErr("watches", 0, "session id %q: %v", k, err)
		}
		out[id] = paths
	}
	return out, nil
}

// decodeWatchesByPath decodes watches_by_path.
func decodeWatchesByPath(body []byte) (PathWatches, error) {
	var j struct {
		M map[string][]jsonInt `json:"path_to_session_ids"`
	}
	if err := decodeJSON("watches_by_path", body, &j); err != nil {
		return nil, err
	}
	out := PathWatches{}
	for path, ids := range j.M {
		s := make([]int64, 0, len(ids))
		for _, id := range ids {
			s = append(s, int64(id))
		}
		out[path] = s
	}
	return out, nil
}

// decodeDump decodes dump: sessions grouped by expiry time, and ephemeral
// paths by session (both keyed by decimal text).
func decodeDump(body []byte) (*Dump, error) {
	var j struct {
		Expiry     map[string][]jsonInt `json:"expiry_time_to_session_ids"`
		Ephemerals map[string][]string  `json:"session_id_to_ephemeral_paths"`
	}
	if err := decodeJSON("dump", body, &j); err != nil {
		return nil, err
	}
	d := &Dump{Ephemerals: map[int64][]string{}}
	seen := map[int64]bool{}
	for _, ids := range j.Expiry {
		for _, id := range ids {
			if !seen[int64(id)] {
				seen[int64(id)] = true
				d.Sessions = append(d.Sessions, int64(id))
			}
		}
	}
	slices.Sort(d.Sessions)
	d.SessionCount = len(d.Sessions)
	for k, paths := range j.Ephemerals {
		id, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			return nil, parseErr("dump", 0, "session id %q: %v", k, err)
		}
		d.Ephemerals[id] = paths
	}
	return d, nil
}

// decodeIsReadOnly decodes is_read_only.
func decodeIsReadOnly(body []byte) (bool, error) {
	var j struct {
		ReadOnly *bool `json:"read_only"`
	}
	if err := decodeJSON("is_read_only", body, &j); err != nil {
		return false, err
	}
	if j.ReadOnly == nil {
		return false, parseErr("is_read_only", 0, "no read_only field")
	}
	return *j.ReadOnly, nil
}

// decodeDirs decodes dirs.
func decodeDirs(body []byte) (*Dirs, error) {
	var j struct {
		Data *jsonInt `json:"datadir_size"`
		Log  *jsonInt `json:"logdir_size"`
	}
	if err := decodeJSON("dirs", body, &j); err != nil {
		return nil, err
	}
	if j.Data == nil && j.Log == nil {
		return nil, parseErr("dirs", 0, "no datadir_size or logdir_size")
	}
	d := &Dirs{}
	if j.Data != nil {
		d.DataDirSize = int64(*j.Data)
	}
	if j.Log != nil {
		d.LogDirSize = int64(*j.Log)
	}
	return d, nil
}
