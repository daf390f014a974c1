"""The alignment tree of a cycle, assembled from its items (tree_node.html, tree_kr.html).

Built here rather than by a recursive template: each subtree is remembered as a list of pieces
and the page joins them once, instead of copying every enclosing subtree (at company scale the
tree is megabytes long).

Which subtrees a change touches: a subtree shows the sets of every objective in it, so its key
is made of their own keys (`SetKeys.own`) and its place. A subtree whose root objective is not
*affected* keeps the last run's key without walking it: affected are the objectives of the
sets whose view may have changed (`SetKeys.dirty`) and every objective up the alignment links
from them, whatever team or cycle it belongs to (a member may support another team's
objective: that objective's subtree holds the member). A set that left a subtree is dirty
itself, and so is the set it left (it showed it). The last run's key of a place is kept only
while its objective is not affected (`SubtreeKeys.keep`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from ..core.cycles import Cycle
from ..core.model import KeyResult, Objective, OkrSet
from ..core.organisation import Goal, Organisation, objective_ref
from .facts import SiteFacts, TreeItem, TreeKeyResult
from .memo import Memo, Remember, SetKeys, fingerprint
from .paths import Links

TREE_DEPTH = 12  # the tree stops here (and at a loop): a page must end

# The tree's nesting around the items.
_NODE = Markup('<li class="okr-tree__node">\n')
_CHILDREN = Markup('\n<ul class="okr-tree__children">\n')
_BRANCH = Markup('<li class="okr-tree__kr">\n')
_END_BRANCH = Markup("\n</ul>\n</li>\n")
_END_CHILDREN = Markup("</ul>")
_END_NODE = Markup("\n</li>\n")

SubtreePlace = tuple[str, str, int, tuple[str, ...]]
"""Where a subtree stands: cycle, objective ref, depth, refs above it."""

_CARRY = "subtree_keys"  # where the subtrees' keys wait in the memo for the next run


class SubtreeKeys:
    """The keys of the subtrees of one run, with the last run's for unaffected objectives."""

    def __init__(self, organisation: Organisation, keys: SetKeys, memo: Memo) -> None:
        self.organisation = organisation
        self.keys = keys
        self.memo = memo
        self.known: dict[SubtreePlace, str] = {}
        self.last: dict[SubtreePlace, str] = memo.carry.get(_CARRY, {})
        self._affected: set[str] | None = None
        # Objectives that something aligns to (to them or to one of their key results).
        self.has_support = {
            id(goal.objective) for goals in organisation.aligns.values() for goal in goals
        }

    def affected(self) -> set[str]:
        """The objectives with a changed set in their subtree (see the module's docstring)."""
        if self._affected is None:
            dirty = self.keys.dirty
            organisation = self.organisation
            if dirty is None or not self.last:
                found = {objective_ref(s, o) for s in organisation.sets for o in s.objectives}
            else:
                found = set()
                waiting = [
                    (s, o) for s in organisation.sets if s.path in dirty for o in s.objectives
                ]
                while waiting:
                    okr_set, objective = waiting.pop()
                    ref = objective_ref(okr_set, objective)
                    if ref not in found:
                        found.add(ref)
                        waiting += [
                            (goal.okr_set, goal.objective)
                            for goal in organisation.aligns.get(ref, ())
                        ]
            self._affected = found
        return self._affected

    def of(
        self,
        tree: CycleTree,
        okr_set: OkrSet,
        objective: Objective,
        depth: int,
        seen: tuple[str, ...],
    ) -> str:
        if id(objective) not in self.has_support:
            return f"{self.keys.own(okr_set)}|{objective.id}"  # a leaf: nothing below it
        ref = tree.ref(okr_set, objective)
        place = (tree.cycle.id, ref, depth, seen)
        known = self.known.get(place)
        if known is None and ref not in self.affected():
            known = self.last.get(place)  # nothing below it changed
            if known is not None:
                self.known[place] = known
        if known is not None:
            return known
        parts = [self.keys.own(okr_set), objective.id, str(depth)]
        if depth < TREE_DEPTH and ref not in seen:
            path = (*seen, ref)
            for child in tree.children(okr_set, objective):
                parts.append(self.of(tree, child.okr_set, child.objective, depth + 1, path))
            for kr, below in tree.key_results(okr_set, objective):
                parts.append(kr.id)
                parts += [self.of(tree, c.okr_set, c.objective, depth + 1, path) for c in below]
        key = fingerprint(parts)
        self.known[place] = key
        return key

    def keep(self) -> None:
        """Keep this run's keys for the next, with the last run's for subtrees not visited in
        this one; started afresh when the old ones would outnumber the objectives a few times.

        A last run's key is dropped when its objective is affected in this run: the subtree
        changed but stands elsewhere now (a team above it moved), and the key would be taken
        for the truth when that team moves back."""
        affected = self.affected() if self.last else set()
        kept = {place: key for place, key in self.last.items() if place[1] not in affected}
        kept.update(self.known)
        objectives = sum(len(s.objectives) for s in self.organisation.sets)
        self.memo.carry[_CARRY] = kept if len(kept) <= 4 * objectives + 100 else self.known


@dataclass(frozen=True)
class TreeMore:
    """A link from an objective of the tree to the page of its subtree, and how many
    objectives that page shows below it."""

    href: str
    below: int


class CycleTree:
    """The alignment tree of one cycle on its page, as pieces of HTML.

    It shows every objective of the cycle's own sets (not those of cycles inside it: a year's
    tree links to its quarters' trees instead of repeating them), under what they align to. An
    objective of an enclosing cycle that one of them aligns to, directly or up a chain, is
    shown as a *context* row (a month's sets under their quarter's team objectives, under the
    year's company objectives), so a cycle's tree is never empty while the cycle has sets.
    Which objectives are shown depends only on the alignment links between the sets, and a
    change of those marks every objective above it affected (see the module's docstring).

    A tree too long for one page is cut by the renderer: `size` counts what a subtree shows,
    `outline` draws an objective with links to the pages of the subtrees below it.
    """

    def __init__(
        self,
        cycle: Cycle,
        facts: SiteFacts,
        links: Links,
        remember: Remember,
        subtrees: SubtreeKeys | None,
        render: Callable[[str, object], Markup],
    ) -> None:
        self.cycle = cycle
        self.facts = facts
        self.links = links
        self.remember = remember
        self.subtrees = subtrees
        self.render = render  # (template, item) -> its HTML
        self._context: set[str] | None = None
        self._sizes: dict[str, int] = {}
        # What `children`, `key_results` and `ref` found, by objects of this render: the roots,
        # the sizes, the keys of the subtrees and the pieces each ask again for the same
        # objectives (at 5,000 sets, hundreds of thousands of times in one rebuild).
        self._children: dict[tuple[int, int], list[Goal]] = {}
        self._branches: dict[int, list[tuple[KeyResult, list[Goal]]]] = {}
        self._refs: dict[int, str] = {}

    def at(self, links: Links) -> CycleTree:
        """The same tree drawn on another page (with links from there), sharing what was found."""
        moved = CycleTree(self.cycle, self.facts, links, self.remember, self.subtrees, self.render)
        moved._context, moved._sizes = self.context(), self._sizes
        moved._children, moved._branches, moved._refs = self._children, self._branches, self._refs
        return moved

    def inside(self, okr_set: OkrSet) -> bool:
        """The set belongs to the cycle itself."""
        return okr_set.cycle.id == self.cycle.id

    def context(self) -> set[str]:
        """Refs of the objectives outside the cycle that an objective inside it aligns to,
        directly or up a chain: the rows drawn above the cycle's own sets."""
        if self._context is None:
            found: set[str] = set()
            aligns = self.facts.organisation.aligns
            waiting = [
                self.ref(s, o)
                for s in self.facts.organisation.sets
                if self.inside(s)
                for o in s.objectives
            ]
            while waiting:
                for goal in aligns.get(waiting.pop(), ()):
                    ref = self.ref(goal.okr_set, goal.objective)
                    if not self.inside(goal.okr_set) and ref not in found:
                        found.add(ref)
                        waiting.append(ref)
            self._context = found
        return self._context

    def ref(self, okr_set: OkrSet, objective: Objective) -> str:
        """`objective_ref`, made once per objective."""
        found = self._refs.get(id(objective))
        if found is None:
            found = self._refs[id(objective)] = objective_ref(okr_set, objective)
        return found

    def shows(self, goal: Goal) -> bool:
        """The goal's objective is inside the cycle, or a context row above one that is."""
        return self.inside(goal.okr_set) or (
            self.ref(goal.okr_set, goal.objective) in self.context()
        )

    def roots(self) -> list[Goal]:
        """The objectives at the top of the tree, company objectives first.

        A company set shown (the cycle's own, or an enclosing cycle's above the cycle's sets)
        brings all its objectives that align to nothing: the company's goals frame the tree.
        Another objective that aligns to nothing is a root when the tree shows something
        below it; alone, it is listed under "aligned to nothing" instead. An objective of the
        cycle still unreached (its chain of alignments loops) becomes a root too, so every set
        of the cycle is in its tree."""
        facts, context = self.facts, self.context()
        shown = [s for s in facts.organisation.sets if self.inside(s)]
        above = [
            s
            for s in facts.organisation.sets
            if not self.inside(s) and any(self.ref(s, o) in context for o in s.objectives)
        ]
        shown += sorted(above, key=lambda s: (s.cycle.start, -s.cycle.days, s.ref))
        company = [s for s in shown if s.level == "company"]
        others = sorted((s for s in shown if s.level != "company"), key=lambda s: s.ref)
        roots: list[Goal] = []
        for okr_set in company + others:
            for objective in okr_set.objectives:
                if facts.aligns(okr_set, objective):
                    continue
                goal = Goal(okr_set, objective, None)
                if (
                    okr_set.level == "company"
                    or self.ref(okr_set, objective) in context
                    or self.children(okr_set, objective)
                    or self.key_results(okr_set, objective)
                ):
                    roots.append(goal)
        reached = self._below(roots)
        for okr_set in shown:
            if not self.inside(okr_set):
                continue
            for objective in okr_set.objectives:
                ref = self.ref(okr_set, objective)
                if ref not in reached and facts.aligns(okr_set, objective):
                    loop = Goal(okr_set, objective, None)
                    roots.append(loop)
                    reached |= self._below([loop])
        return roots

    def _below(self, goals: list[Goal]) -> set[str]:
        """Refs of the objectives the tree shows at or below `goals`."""
        found: set[str] = set()
        waiting = list(goals)
        while waiting:
            goal = waiting.pop()
            ref = self.ref(goal.okr_set, goal.objective)
            if ref in found:
                continue
            found.add(ref)
            waiting += self.children(goal.okr_set, goal.objective)
            for _kr, below in self.key_results(goal.okr_set, goal.objective):
                waiting += below
        return found

    def children(
        self, okr_set: OkrSet, objective: Objective, key_result: KeyResult | None = None
    ) -> list[Goal]:
        """The objectives the tree shows that align to this objective (or KR)."""
        asked = (id(objective), id(key_result))
        found = self._children.get(asked)
        if found is None:
            supporting = self.facts.supported_by_ref(self.ref(okr_set, objective), key_result)
            found = [goal for goal in supporting if self.shows(goal)]
            self._children[asked] = found
        return found

    def key_results(
        self, okr_set: OkrSet, objective: Objective
    ) -> list[tuple[KeyResult, list[Goal]]]:
        """The objective's key results that objectives inside the cycle align to, with those."""
        found = self._branches.get(id(objective))
        if found is None:
            found = []
            for kr in objective.key_results:
                below = self.children(okr_set, objective, kr)
                if below:
                    found.append((kr, below))
            self._branches[id(objective)] = found
        return found

    def below(self, goal: Goal) -> list[Goal]:
        """The objectives drawn right below `goal`: those aligned to it, then to its KRs."""
        okr_set, objective = goal.okr_set, goal.objective
        found = list(self.children(okr_set, objective))  # the kept list stays as it is
        for _kr, goals in self.key_results(okr_set, objective):
            found += goals
        return found

    def size(self, goal: Goal) -> int:
        """How many objectives the subtree of `goal` shows, its own included (an objective met
        again down a loop counts once)."""
        ref = self.ref(goal.okr_set, goal.objective)
        known = self._sizes.get(ref)
        if known is None:
            self._sizes[ref] = 1  # while its subtree is counted: a loop ends here
            known = 1 + sum(self.size(child) for child in self.below(goal))
            self._sizes[ref] = known
        return known

    def pieces(self) -> list[Markup]:
        """The whole tree, as list items."""
        pieces: list[Markup] = []
        for root in self.roots():
            pieces += self.node(root, 0, ())
        return pieces

    def leaf(self, goal: Goal, href: str) -> list[Markup]:
        """An objective with a link to the page of its subtree instead of the subtree,
        remembered while its own set, the link and the count below it stay the same."""
        size = self.size(goal)

        def build() -> list[Markup]:
            more = TreeMore(href, size - 1)
            item: TreeItem = self.facts.tree_item(goal, self.cycle, self.links)
            tree_item = self.render("okr/tree_node.html", item)
            return [_NODE, tree_item, self.render("okr/tree_more.html", more), _END_NODE]

        if self.subtrees is None:
            return build()
        own = self.subtrees.keys.own(goal.okr_set)
        place = [self.links.here, "leaf", self.cycle.id, own, goal.objective.id, href, str(size)]
        return self.remember.keyed(place, build)

    def outline(
        self,
        goal: Goal,
        depth: int,
        seen: tuple[str, ...],
        page_of: Callable[[Goal, int, tuple[str, ...]], str],
    ) -> list[Markup]:
        """`goal` and the objectives right below it: each with a subtree of its own is a link
        to that subtree's page, which `page_of(child, depth, seen)` makes and names (path)."""

        def child(below: Goal, path: tuple[str, ...]) -> list[Markup]:
            if self.size(below) == 1:
                return self.node(below, depth + 1, path)
            return self.leaf(below, self.links.to(page_of(below, depth + 1, path)))

        return self._node_pieces(goal, depth, seen, child)

    def node(self, goal: Goal, depth: int, seen: tuple[str, ...]) -> list[Markup]:
        """A node with everything below it, remembered while no set in it changes."""
        build = partial(self._node_pieces, goal, depth, seen, None)
        if self.subtrees is None:
            return build()
        below = self.subtrees.of(self, goal.okr_set, goal.objective, depth, seen)
        return self.remember.keyed([self.links.here, below], build)

    def _node_pieces(
        self,
        goal: Goal,
        depth: int,
        seen: tuple[str, ...],
        child: Callable[[Goal, tuple[str, ...]], list[Markup]] | None,
    ) -> list[Markup]:
        """A node and what is below it, each objective below drawn by `child(goal, seen)`
        (None: as a whole subtree)."""
        if child is None:
            child = partial(self._below_node, depth + 1)
        okr_set, objective = goal.okr_set, goal.objective
        item: TreeItem = self.facts.tree_item(goal, self.cycle, self.links)
        pieces = [_NODE, self.render("okr/tree_node.html", item)]
        ref = self.ref(okr_set, objective)
        if depth < TREE_DEPTH and ref not in seen:  # a loop, or a tree too deep, ends here
            direct = self.children(okr_set, objective)
            branches = self.key_results(okr_set, objective)
            if direct or branches:
                path = (*seen, ref)
                pieces.append(_CHILDREN)
                for goal_below in direct:
                    pieces += child(goal_below, path)
                for kr, below in branches:
                    kr_item: TreeKeyResult = self.facts.tree_key_result(
                        okr_set, objective, kr, self.links
                    )
                    pieces += [_BRANCH, self.render("okr/tree_kr.html", kr_item), _CHILDREN]
                    for goal_below in below:
                        pieces += child(goal_below, path)
                    pieces.append(_END_BRANCH)
                pieces.append(_END_CHILDREN)
        pieces.append(_END_NODE)
        return pieces

    def _below_node(self, depth: int, goal: Goal, seen: tuple[str, ...]) -> list[Markup]:
        return self.node(goal, depth, seen)
