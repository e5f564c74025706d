# Quantity qualifiers that stand before a number.
# canon is one of: more, less, about, at_least, at_most.

# more
more than => more | qual
over => more | qual
above => more | qual
in excess of => more | qual
upwards of => more | qual
upward of => more | qual
greater than => more | qual
higher than => more | qual
exceeding => more | qual
well over => more | qual
just over => more | qual
slightly over => more | qual
a little over => more | qual
just above => more | qual
well above => more | qual
slightly more than => more | qual
well in excess of => more | qual

# less
less than => less | qual
fewer than => less | qual
under => less | qual
below => less | qual
lower than => less | qual
just under => less | qual
just below => less | qual
well under => less | qual
well below => less | qual
slightly less than => less | qual
slightly under => less | qual
a little under => less | qual
a little less than => less | qual
short of => less | qual
just short of => less | qual

# about
about => about | qual
around => about | qual
approximately => about | qual
approx => about | qual
roughly => about | qual
some => about | qual
nearly => about | qual
almost => about | qual
close to => about | qual
circa => about | qual
an estimated => about | qual
estimated => about | qual
an approximate => about | qual
in the region of => about | qual
in the order of => about | qual
on the order of => about | qual
in the neighbourhood of => about | qual
in the neighborhood of => about | qual
the best part of => about | qual
the better part of => about | qual
just about => about | qual
something like => about | qual
give or take => about | qual
more or less => about | qual

# at least
at least => at_least | qual
no less than => at_least | qual
not less than => at_least | qual
no fewer than => at_least | qual
not fewer than => at_least | qual
a minimum of => at_least | qual
minimum of => at_least | qual

# at most
up to => at_most | qual
at most => at_most | qual
no more than => at_most | qual
not more than => at_most | qual
as many as => at_most | qual
as much as => at_most | qual
a maximum of => at_most | qual
maximum of => at_most | qual
not exceeding => at_most | qual
not to exceed => at_most | qual
at the most => at_most | qual
