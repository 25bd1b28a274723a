package zk

import (
	"context"
	"strings"

	"github.com/zkui/zkui/zk/internal/jute"
	"github.com/zkui/zkui/zk/internal/proto"
)

// AddWatch sets a persistent watch (servers >= 3.6) that stays after firing:
// AddWatchPersistent hears created, deleted, data-changed and
// children-changed events of path; AddWatchPersistentRecursive hears created,
// deleted and data-changed events of path and every node below it. The
// channel also gets session events, and closes when the watch is removed or
// the connection ends. Events carry no data: fetch it.
func (c *Conn) AddWatch(ctx context.Context, path string, mode AddWatchMode) (<-chan Event, error) {
	p, err := c.checkPath(opAddWatch, path)
	if err != nil {
		return nil, err
	}
	kind := watchPersistent
	switch mode {
	case AddWatchPersistent:
	case AddWatchPersistentRecursive:
		kind = watchPersistentRecursive
	default:
		return nil, inputError("addWatch", path, ErrBadInput, "unknown mode %d", int32(mode))
	}
	w := c.watches.newWatcher(kind, path)
	if err := c.call(ctx, opAddWatch, path, &proto.AddWatchRequest{Path: p, Mode: int32(mode)}, nil, w); err != nil {
		return nil, err
	}
	return w.q.ch, nil
}

// RemoveWatches removes this session's watches of type t on path, on the
// server and here; their channels get a *WatchRemoved event and close.
func (c *Conn) RemoveWatches(ctx context.Context, path string, t WatcherType) error {
	p, err := c.checkPath(opRemoveWatches, path)
	if err != nil {
		return err
	}
	if err := c.call(ctx, opRemoveWatches, path, &proto.RemoveWatchesRequest{Path: p, Type: int32(t)}, nil, nil); err != nil {
		return err
	}
	c.watches.remove(path, t)
	return nil
}

// CheckWatches reports, as a nil error, that the server holds a watch of type
// t on path for this session; ErrNoWatcher otherwise.
func (c *Conn) CheckWatches(ctx context.Context, path string, t WatcherType) error {
	p, err := c.checkPath(opCheckWatches, path)
	if err != nil {
		return err
	}
	return c.call(ctx, opCheckWatches, path, &proto.CheckWatchesRequest{Path: p, Type: int32(t)}, nil, nil)
}

// GetEphemerals lists this session's ephemeral nodes whose path starts with
// prefix (servers >= 3.6). Use "/" for all of them.
func (c *Conn) GetEphemerals(ctx context.Context, prefix string) ([]string, error) {
	if prefix == "" || prefix[0] != '/' {
		return nil, inputError("getEphemerals", prefix, ErrInvalidPath, "prefix must start with '/'")
	}
	full := chrootPath(c.chroot, prefix)
	var resp proto.GetEphemeralsResponse
	if err := c.call(ctx, opGetEphemerals, prefix, &proto.GetEphemeralsRequest{PrefixPath: full}, &resp, nil); err != nil {
		return nil, err
	}
	out := resp.Ephemerals[:0]
	for _, p := range resp.Ephemerals {
		if c.chroot == "" || strings.HasPrefix(p, c.chroot+"/") || p == c.chroot {
			out = append(out, stripChroot(c.chroot, p))
		}
	}
	return out, nil
}

// GetAllChildrenNumber counts every node below path, recursively (servers
// >= 3.6). The count is the server's, taken without a lock on the tree.
func (c *Conn) GetAllChildrenNumber(ctx context.Context, path string) (int, error) {
	p, err := c.checkPath(opGetAllChildrenNumber, path)
	if err != nil {
		return 0, err
	}
	var resp proto.GetAllChildrenNumberResponse
	if err := c.call(ctx, opGetAllChildrenNumber, path, &proto.GetAllChildrenNumberRequest{Path: p}, &resp, nil); err != nil {
		return 0, err
	}
	return int(resp.TotalNumber), nil
}

// ClientInfo is one identity of this session, as whoAmI tells it.
type ClientInfo struct {
	AuthScheme string // "ip", "digest", "sasl", "x509"...
	User       string
}

// WhoAmI returns the identities the server knows this session by (servers
// >= 3.7).
func (c *Conn) WhoAmI(ctx context.Context) ([]ClientInfo, error) {
	var resp proto.WhoAmIResponse
	if err := c.call(ctx, opWhoAmI, "", nil, &resp, nil); err != nil {
		return nil, err
	}
	out := make([]ClientInfo, len(resp.ClientInfo))
	for i, ci := range resp.ClientInfo {
		out[i] = ClientInfo{AuthScheme: ci.AuthScheme, User: ci.User}
	}
	return out, nil
}

// AddAuth adds credentials to the session, e.g. ("digest", "user:password").
// A wrong digest password is not an error here (the server accepts any digest
// identity); a scheme the server does not know fails with ErrAuthFailed and
// ends the connection. The credentials never appear in errors or logs.
func (c *Conn) AddAuth(ctx context.Context, scheme string, auth []byte) error {
	if scheme == "" {
		return inputError("addAuth", "", ErrBadInput, "scheme must not be empty")
	}
	r := getRequest(opAuth, "", nil)
	pkt := proto.AuthPacket{Type: 0, Scheme: scheme, Auth: auth}
	if err := c.enqueue(r, &pkt, true); err != nil {
		putRequest(r)
		return err
	}
	select {
	case <-r.done:
		err := r.result()
		putRequest(r)
		return err
	case <-ctx.Done():
		return ctxError(opAuth, "", ctx.Err())
	}
}

// configNode is where the ensemble's dynamic configuration is kept; it is
// read without the chroot.
const configNode = "/zookeeper/config"

// Config reads the ensemble's dynamic configuration from /zookeeper/config
// (outside any chroot), with its Stat; Stat.Mzxid is the config's version
// for Reconfig.
func (c *Conn) Config(ctx context.Context) ([]byte, Stat, error) {
	var resp proto.GetDataResponse
	if err := c.call(ctx, opGetData, configNode, &proto.GetDataRequest{Path: configNode}, &resp, nil); err != nil {
		return nil, Stat{}, err
	}
	return resp.Data, statFrom(&resp.Stat), nil
}

// IncrementalReconfig adds and removes ensemble members (servers >= 3.5 with
// reconfigEnabled). joining entries are "server.N=host:quorum:election;client"
// lines, leaving entries server ids. fromConfig is the config version to
// change (-1 for any). It returns the new configuration.
func (c *Conn) IncrementalReconfig(ctx context.Context, joining, leaving []string, fromConfig int64) ([]byte, Stat, error) {
	if len(joining) == 0 && len(leaving) == 0 {
		return nil, Stat{}, inputError("reconfig", "", ErrBadInput, "nothing to add or remove")
	}
	return c.reconfig(ctx, &proto.ReconfigRequest{
		JoiningServers: strings.Join(joining, ","),
		LeavingServers: strings.Join(leaving, ","),
		CurConfigId:    fromConfig,
	})
}

// Reconfig replaces the whole membership with members (non-incremental
// reconfig).
func (c *Conn) Reconfig(ctx context.Context, members []string, fromConfig int64) ([]byte, Stat, error) {
	if len(members) == 0 {
		return nil, Stat{}, inputError("reconfig", "", ErrBadInput, "the new membership is empty")
	}
	return c.reconfig(ctx, &proto.ReconfigRequest{NewMembers: strings.Join(members, ","), CurConfigId: fromConfig})
}

func (c *Conn) reconfig(ctx context.Context, req *proto.ReconfigRequest) ([]byte, Stat, error) {
	if err := c.checkWrite(opReconfig, ""); err != nil {
		return nil, Stat{}, err
	}
	var resp proto.GetDataResponse
	if err := c.call(ctx, opReconfig, "", reconfigRequest{req}, &resp, nil); err != nil {
		return nil, Stat{}, err
	}
	return resp.Data, statFrom(&resp.Stat), nil
}

// reconfigRequest encodes an absent membership string as a null ustring
// (length -1), as the server expects: it reads "" as a member list to parse.
type reconfigRequest struct{ *proto.ReconfigRequest }

func (r reconfigRequest) Encode(dst []byte) ([]byte, error) {
	for _, s := range []string{r.JoiningServers, r.LeavingServers, r.NewMembers} {
		if s == "" {
			dst = jute.AppendInt(dst, -1)
		} else {
			dst = jute.AppendString(dst, s)
		}
	}
	return jute.AppendLong(dst, r.CurConfigId), nil
}
