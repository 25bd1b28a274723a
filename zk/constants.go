package zk

import "strconv"

// opcode is a request type in the RequestHeader (PROTOCOL.md, "Opcodes").
type opcode int32

const (
	opCreate               opcode = 1
	opDelete               opcode = 2
	opExists               opcode = 3
	opGetData              opcode = 4
	opSetData              opcode = 5
	opGetACL               opcode = 6
	opSetACL               opcode = 7
	opGetChildren          opcode = 8
	opSync                 opcode = 9
	opPing                 opcode = 11
	opGetChildren2         opcode = 12
	opCheck                opcode = 13
	opMulti                opcode = 14
	opCreate2              opcode = 15
	opReconfig             opcode = 16
	opCheckWatches         opcode = 17
	opRemoveWatches        opcode = 18
	opCreateContainer      opcode = 19
	opCreateTTL            opcode = 21
	opMultiRead            opcode = 22
	opAuth                 opcode = 100
	opSetWatches           opcode = 101
	opSASL                 opcode = 102
	opGetEphemerals        opcode = 103
	opGetAllChildrenNumber opcode = 104
	opSetWatches2          opcode = 105
	opAddWatch             opcode = 106
	opWhoAmI               opcode = 107
	opCloseSession         opcode = -11
	opError                opcode = -1 // MultiHeader type of a failed sub-op
)

var opNames = map[opcode]string{
	opCreate: "create", opDelete: "delete", opExists: "exists", opGetData: "getData",
	opSetData: "setData", opGetACL: "getACL", opSetACL: "setACL", opGetChildren: "getChildren",
	opSync: "sync", opPing: "ping", opGetChildren2: "getChildren", opCheck: "check",
	opMulti: "multi", opCreate2: "create", opReconfig: "reconfig", opCheckWatches: "checkWatches",
	opRemoveWatches: "removeWatches", opCreateContainer: "create", opCreateTTL: "create",
	opMultiRead: "multiRead", opAuth: "addAuth", opSetWatches: "setWatches", opSASL: "sasl",
	opGetEphemerals: "getEphemerals", opGetAllChildrenNumber: "getAllChildrenNumber",
	opSetWatches2: "setWatches", opAddWatch: "addWatch", opWhoAmI: "whoAmI",
	opCloseSession: "closeSession", opError: "error",
}

func (o opcode) String() string {
	if s, ok := opNames[o]; ok {
		return s
	}
	return "op(" + strconv.Itoa(int(o)) + ")"
}

// isWrite reports whether the opcode changes the tree or the session's
// server-side state in a way a read-only server refuses.
func (o opcode) isWrite() bool {
	switch o {
	case opCreate, opCreate2, opCreateContainer, opCreateTTL, opDelete, opSetData,
		opSetACL, opMulti, opReconfig, opCheck:
		return true
	}
	return false
}

// Special xids (PROTOCOL.md, "Special xids").
const (
	xidWatchEvent = -1
	xidPing       = -2
	xidAuth       = -4
	xidSetWatches = -8
)

// EventType says what happened to a watched node.
type EventType int32

// Event types as the server sends them; EventSession is a change of the
// session's state (Event.State says which).
const (
	EventSession                EventType = -1
	EventNodeCreated            EventType = 1
	EventNodeDeleted            EventType = 2
	EventNodeDataChanged        EventType = 3
	EventNodeChildrenChanged    EventType = 4
	EventDataWatchRemoved       EventType = 5
	EventChildWatchRemoved      EventType = 6
	EventPersistentWatchRemoved EventType = 7
)

func (t EventType) String() string {
	switch t {
	case EventSession:
		return "session"
	case EventNodeCreated:
		return "created"
	case EventNodeDeleted:
		return "deleted"
	case EventNodeDataChanged:
		return "dataChanged"
	case EventNodeChildrenChanged:
		return "childrenChanged"
	case EventDataWatchRemoved:
		return "dataWatchRemoved"
	case EventChildWatchRemoved:
		return "childWatchRemoved"
	case EventPersistentWatchRemoved:
		return "persistentWatchRemoved"
	}
	return "event(" + strconv.Itoa(int(t)) + ")"
}

// State is the state of a session as seen by the client.
type State int32

// Session states (PROTOCOL.md, "Events, states, watch types"); StateConnecting
// is client-side only, like StateClosed.
const (
	StateDisconnected      State = 0
	StateConnecting        State = 1
	StateConnected         State = 3
	StateAuthFailed        State = 4
	StateConnectedReadOnly State = 5
	StateSaslAuthenticated State = 6
	StateClosed            State = 7
	StateExpired           State = -112
)

func (s State) String() string {
	switch s {
	case StateDisconnected:
		return "disconnected"
	case StateConnecting:
		return "connecting"
	case StateConnected:
		return "connected"
	case StateAuthFailed:
		return "authFailed"
	case StateConnectedReadOnly:
		return "connectedReadOnly"
	case StateSaslAuthenticated:
		return "saslAuthenticated"
	case StateClosed:
		return "closed"
	case StateExpired:
		return "expired"
	}
	return "state(" + strconv.Itoa(int(s)) + ")"
}

// Event is a watch notification or a session state change. For a session
// event Type is EventSession and Path is empty.
type Event struct {
	Type  EventType
	State State
	Path  string // chroot already removed
	// Zxid is the transaction that triggered the event on servers >= 3.9;
	// older servers send -1.
	Zxid int64
}

// WatcherType selects watches for RemoveWatches and CheckWatches.
type WatcherType int32

// Watcher types (PROTOCOL.md).
const (
	WatcherChildren            WatcherType = 1
	WatcherData                WatcherType = 2
	WatcherAny                 WatcherType = 3
	WatcherPersistent          WatcherType = 4
	WatcherPersistentRecursive WatcherType = 5
)

// AddWatchMode is the mode of AddWatch.
type AddWatchMode int32

// AddWatch modes: a persistent watch on one node, or on the node and every
// descendant.
const (
	AddWatchPersistent          AddWatchMode = 0
	AddWatchPersistentRecursive AddWatchMode = 1
)

// CreateMode is the kind of node Create makes (the request's flags).
type CreateMode int32

// Create modes (PROTOCOL.md, "Create modes and node kinds").
const (
	ModePersistent              CreateMode = 0
	ModeEphemeral               CreateMode = 1
	ModePersistentSequential    CreateMode = 2
	ModeEphemeralSequential     CreateMode = 3
	ModeContainer               CreateMode = 4
	ModePersistentTTL           CreateMode = 5
	ModePersistentSequentialTTL CreateMode = 6
)

// Sequential reports whether the server appends a counter to the name.
func (m CreateMode) Sequential() bool {
	return m == ModePersistentSequential || m == ModeEphemeralSequential || m == ModePersistentSequentialTTL
}

// Ephemeral reports whether the node ends with the session.
func (m CreateMode) Ephemeral() bool { return m == ModeEphemeral || m == ModeEphemeralSequential }

// TTL reports whether the mode needs a time to live.
func (m CreateMode) TTL() bool { return m == ModePersistentTTL || m == ModePersistentSequentialTTL }

func (m CreateMode) valid() bool { return m >= ModePersistent && m <= ModePersistentSequentialTTL }

func (m CreateMode) String() string {
	switch m {
	case ModePersistent:
		return "persistent"
	case ModeEphemeral:
		return "ephemeral"
	case ModePersistentSequential:
		return "persistent-sequential"
	case ModeEphemeralSequential:
		return "ephemeral-sequential"
	case ModeContainer:
		return "container"
	case ModePersistentTTL:
		return "ttl"
	case ModePersistentSequentialTTL:
		return "ttl-sequential"
	}
	return "mode(" + strconv.Itoa(int(m)) + ")"
}
