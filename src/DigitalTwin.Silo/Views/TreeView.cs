namespace DigitalTwin.Silo.Views;

/// <summary>A twin and its direct children (<c>GET /api/views/tree/{id}</c>); the tree opens one level at a time.</summary>
public sealed record TreeView(TreeNode Node, IReadOnlyList<TreeNode> Children);
