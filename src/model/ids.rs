//! Typed ids: an index, group, region, unit or table is named in the model by
//! its position in the site's list of them, wrapped in a type of its own so
//! that a unit's position can never index the groups. [`IdVec`] is the list
//! indexed by one kind of id.
//!
//! Ids are made only by the model (by pushing into an [`IdVec`] or by
//! resolving an editor's id string once, in `assemble`); later stages never
//! look a definition up by its string id.

use std::fmt;
use std::marker::PhantomData;

/// A position in an [`IdVec`] of one kind of definition.
pub trait Id: Copy + Ord + fmt::Debug {
    /// The id of the item at `position`.
    fn from_position(position: usize) -> Self;
    /// The item's position in its list.
    fn position(self) -> usize;
}

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl Id for $name {
            fn from_position(position: usize) -> Self {
                // A site has far fewer than four billion of anything: the
                // files holding them could not be read into memory.
                $name(u32::try_from(position).unwrap_or(u32::MAX))
            }

            fn position(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id!(
    /// An index (chỉ số) of the site.
    IndexId
);
id!(
    /// A group (khối) of units.
    GroupId
);
id!(
    /// A region.
    RegionId
);
id!(
    /// A unit; units are kept in Vietnamese alphabetical order, so comparing
    /// two `UnitId`s compares their names.
    UnitId
);
id!(
    /// A results table.
    TableId
);

/// A vector indexed by one kind of id.
pub struct IdVec<I, T> {
    items: Vec<T>,
    id: PhantomData<fn(I) -> I>,
}

impl<I: Id, T> IdVec<I, T> {
    pub fn new() -> Self {
        Self::from_vec(Vec::new())
    }

    pub fn from_vec(items: Vec<T>) -> Self {
        IdVec {
            items,
            id: PhantomData,
        }
    }

    /// Adds an item, returning its id.
    pub fn push(&mut self, item: T) -> I {
        self.items.push(item);
        I::from_position(self.items.len() - 1)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(id.position())
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = I> + ExactSizeIterator + use<I, T> {
        (0..self.items.len()).map(I::from_position)
    }

    /// Every item with its id, in order.
    pub fn iter_enumerated(&self) -> impl DoubleEndedIterator<Item = (I, &T)> {
        self.items
            .iter()
            .enumerate()
            .map(|(i, item)| (I::from_position(i), item))
    }

    /// The items as a slice, positions being the ids.
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// A vector of the same length and ids, each item made by `f`.
    pub fn map<U>(&self, f: impl FnMut(&T) -> U) -> IdVec<I, U> {
        IdVec::from_vec(self.items.iter().map(f).collect())
    }
}

impl<I: Id, T> Default for IdVec<I, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<I, T: Clone> Clone for IdVec<I, T> {
    fn clone(&self) -> Self {
        IdVec {
            items: self.items.clone(),
            id: PhantomData,
        }
    }
}

impl<I, T: fmt::Debug> fmt::Debug for IdVec<I, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.items.fmt(f)
    }
}

impl<I: Id, T> std::ops::Index<I> for IdVec<I, T> {
    type Output = T;

    fn index(&self, id: I) -> &T {
        &self.items[id.position()]
    }
}

impl<I: Id, T> std::ops::IndexMut<I> for IdVec<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.position()]
    }
}

impl<'a, I, T> IntoIterator for &'a IdVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_positions_of_their_own_kind() {
        let mut units: IdVec<UnitId, &str> = IdVec::new();
        let a = units.push("an-giang");
        let b = units.push("bac-ninh");
        assert_eq!(units[b], "bac-ninh");
        assert!(a < b);
        assert_eq!(units.ids().collect::<Vec<_>>(), [a, b]);
        let lengths = units.map(|u| u.len());
        assert_eq!(lengths[a], 8);
        assert_eq!(units.get(UnitId::from_position(2)), None);
    }
}
