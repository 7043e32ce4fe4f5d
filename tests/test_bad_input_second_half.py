"""The second half of the bad-input table (tests/bad_input_table.py).

The table's (function, argument) groups are split in two halves of about the same number of
cases, one per test file, so that ``--dist loadfile`` runs them on both workers.
"""

import bad_input_table as table
import pytest
from test_bad_input import check_group

_GROUPS = table.groups(1)


@pytest.mark.parametrize(("spec", "arg"), _GROUPS, ids=[f"{s}-{a}" for s, a in _GROUPS])
def test_bad_inputs(spec, arg):
    check_group(spec, arg)
